using System.Collections;
using System.Collections.Generic;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>The list an operation returns: read-only, and it says which items could not be read (<see cref="IReadIssues"/>).</summary>
    [Newtonsoft.Json.JsonConverter(typeof(StreamedJson.Converter))]
    internal sealed class ModelList<T> : IReadOnlyList<T>, IReadIssues, IReadIssueSink
    {
        private readonly List<T> _items;
        private List<string>? _issues;

        public ModelList(List<T> items) => _items = items;

        public T this[int index] => _items[index];

        public int Count => _items.Count;

        public IReadOnlyList<string> ReadIssues => (IReadOnlyList<string>?)_issues ?? System.Array.Empty<string>();

        public void AddReadIssue(string issue) => (_issues ??= new List<string>()).Add(issue);

        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
    }
}
