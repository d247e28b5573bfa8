using System;
using System.Threading;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>The cancellation of one attempt: the caller's token joined with the client's timeout.</summary>
    /// <remarks>
    /// On .NET 6 and later the timer sources are pooled (CancellationTokenSource.TryReset), so an attempt that does not
    /// time out allocates none. A source goes back to the pool only when its attempt ended before half its timeout: its
    /// timer cannot be firing then, so a reused source is never cancelled by a timer of an earlier attempt.
    /// </remarks>
    internal readonly struct TimeoutSource : IDisposable
    {
        private readonly CancellationTokenSource? _source;
        private readonly CancellationTokenRegistration _link;
        private readonly Diagnostics.ValueStopwatch _started;
        private readonly TimeSpan _timeout;

        private TimeoutSource(CancellationTokenSource? source, CancellationTokenRegistration link, CancellationToken token, TimeSpan timeout)
        {
            _source = source;
            _link = link;
            Token = token;
            _timeout = timeout;
            _started = Diagnostics.ValueStopwatch.StartNew();
        }

        public CancellationToken Token { get; }

        public static TimeoutSource Start(TimeSpan timeout, CancellationToken callerToken)
        {
            if (timeout == Timeout.InfiniteTimeSpan) return new TimeoutSource(null, default, callerToken, timeout);
            var source = Rent();
            source.CancelAfter(timeout);
            var link = callerToken.CanBeCanceled ? callerToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), source) : default;
            return new TimeoutSource(source, link, source.Token, timeout);
        }

        public void Dispose() => Dispose(reusable: true);

        /// <summary>Ends the attempt.</summary>
        /// <remarks>
        /// <paramref name="reusable"/> is false when something may still hold the token: a streamed body, which the
        /// handler keeps reading under the token the request was sent with. Such a source is never reused (another call's
        /// timeout would end this body) and never fires (it is disposed).
        /// </remarks>
        public void Dispose(bool reusable)
        {
            if (_source == null) return;
            _link.Dispose();
            if (reusable && _started.Elapsed.Ticks < _timeout.Ticks / 2) Return(_source);
            else _source.Dispose();
        }

#if NET6_0_OR_GREATER
        private const int PoolSize = 64;
        private static readonly System.Collections.Concurrent.ConcurrentQueue<CancellationTokenSource> Pool = new();

        private static CancellationTokenSource Rent()
        {
            while (Pool.TryDequeue(out var source))
            {
                if (!source.IsCancellationRequested) return source;
                source.Dispose();
            }
            return new CancellationTokenSource();
        }

        private static void Return(CancellationTokenSource source)
        {
            if (Pool.Count < PoolSize && source.TryReset()) Pool.Enqueue(source);
            else source.Dispose();
        }
#else
        private static CancellationTokenSource Rent() => new CancellationTokenSource();

        private static void Return(CancellationTokenSource source) => source.Dispose();
#endif
    }
}
