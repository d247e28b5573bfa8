using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using Upstash.DeveloperApi.Serialization;

namespace Upstash.DeveloperApi
{
    /// <summary>The items a list operation returned, read-only, with what could not be read as documented.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <remarks>Create one in a test to stand in for a call (<c>new UpstashList&lt;Database&gt;(new[] { database })</c>).</remarks>
    [Newtonsoft.Json.JsonConverter(typeof(StreamedJson.Converter))]
    [DebuggerDisplay("Count = {Count}")]
    public sealed class UpstashList<T> : IReadOnlyList<T>, IReadIssues, IReadIssueSink
    {
        private readonly List<T> _items;
        private List<string>? _issues;

        /// <summary>Creates a list of these items, with these read issues (none when null).</summary>
        /// <param name="items">The items.</param>
        /// <param name="readIssues">What could not be read; null for nothing.</param>
        public UpstashList(IEnumerable<T> items, IEnumerable<string>? readIssues = null)
        {
            _items = items as List<T> ?? new List<T>(items ?? throw new System.ArgumentNullException(nameof(items)));
            if (readIssues != null) _issues = new List<string>(readIssues);
        }

        /// <inheritdoc/>
        public T this[int index] => _items[index];

        /// <inheritdoc/>
        public int Count => _items.Count;

        /// <summary>What could not be read: an item left out, a field left null (naming the item), JSON that broke off.</summary>
        /// <remarks>Empty when everything was read.</remarks>
        public IReadOnlyList<string> ReadIssues => (IReadOnlyList<string>?)_issues ?? System.Array.Empty<string>();

        void IReadIssueSink.AddReadIssue(string issue) => (_issues ??= new List<string>()).Add(issue);

        /// <inheritdoc/>
        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        /// <inheritdoc/>
        public override string ToString() => $"UpstashList<{typeof(T).Name}> {{ Count = {Count}{(ReadIssues.Count > 0 ? $", ReadIssues: {ReadIssues.Count}" : string.Empty)} }}";
    }
}
