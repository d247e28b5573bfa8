using System;
using System.Collections.Generic;
using System.Threading;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The items of a list operation, yielded one by one as the body arrives: the caller never holds the list (<c>await
    /// foreach (var entry in upstash.AuditLogs.EnumerateAuditLogsAsync())</c>).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <remarks>
    /// Each enumeration sends the request once; nothing is sent until the first item is asked for.
    /// Items are read as the list form reads them: a field of the wrong type is left null and named in the item's
    /// and in these <see cref="ReadIssues"/>, an item that is not readable is left out and noted here, and JSON that
    /// breaks off ends the enumeration with a note. A connection that fails mid-body raises
    /// <see cref="UpstashUnreadableResponseException"/> after the items that arrived; repeat the call (it is a GET).
    /// </remarks>
    public sealed class UpstashItems<T> : IAsyncEnumerable<T>, IReadIssues
    {
        private readonly Func<UpstashItems<T>, CancellationToken, IAsyncEnumerable<T>> _enumerate;
        private readonly CancellationToken _cancellationToken;
        private readonly List<string> _issues = new();

        internal UpstashItems(Func<UpstashItems<T>, CancellationToken, IAsyncEnumerable<T>> enumerate, CancellationToken cancellationToken)
        {
            _enumerate = enumerate;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Creates items that yield <paramref name="items"/>, for a test double of a client.</summary>
        /// <param name="items">The items to yield.</param>
        /// <param name="readIssues">What could not be read; null for nothing.</param>
        public UpstashItems(IEnumerable<T> items, IEnumerable<string>? readIssues = null)
            : this((_, token) => Yield(items ?? throw new ArgumentNullException(nameof(items)), token), default)
        {
            if (readIssues != null) _issues.AddRange(readIssues);
        }

        /// <summary>What could not be read by the latest enumeration, so far (complete once it has ended); each enumeration starts afresh.</summary>
        public IReadOnlyList<string> ReadIssues
        {
            get
            {
                lock (_issues) return _issues.ToArray();
            }
        }

        /// <inheritdoc/>
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            if (!cancellationToken.CanBeCanceled) return _enumerate(this, _cancellationToken).GetAsyncEnumerator(_cancellationToken);
            if (!_cancellationToken.CanBeCanceled) return _enumerate(this, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var both = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
            return new Disposing(_enumerate(this, both.Token).GetAsyncEnumerator(both.Token), both);
        }

        /// <inheritdoc/>
        public override string ToString() => $"UpstashItems<{typeof(T).Name}> {{ ReadIssues: {ReadIssues.Count} }}";

        internal void AddReadIssue(string issue)
        {
            lock (_issues) _issues.Add(issue);
        }

        /// <summary>A new enumeration begins: the issues of an earlier one are dropped.</summary>
        internal void StartEnumeration()
        {
            lock (_issues) _issues.Clear();
        }

#pragma warning disable CS1998 // an iterator over items in memory has nothing to await
        private static async IAsyncEnumerable<T> Yield(IEnumerable<T> items, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested(); // a test double cancels as the real enumeration does
                yield return item;
            }
        }
#pragma warning restore CS1998

        /// <summary>An enumerator that also disposes the linked cancellation source it runs under.</summary>
        private sealed class Disposing : IAsyncEnumerator<T>
        {
            private readonly IAsyncEnumerator<T> _inner;
            private readonly CancellationTokenSource _source;

            public Disposing(IAsyncEnumerator<T> inner, CancellationTokenSource source)
            {
                _inner = inner;
                _source = source;
            }

            public T Current => _inner.Current;

            public System.Threading.Tasks.ValueTask<bool> MoveNextAsync() => _inner.MoveNextAsync();

            public async System.Threading.Tasks.ValueTask DisposeAsync()
            {
                await _inner.DisposeAsync().ConfigureAwait(false);
                _source.Dispose();
            }
        }
    }
}
