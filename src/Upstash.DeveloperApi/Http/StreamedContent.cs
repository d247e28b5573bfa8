using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// A success body read as it arrives, for results that may be large (lists, models): nothing is buffered, so memory
    /// does not grow with the body beyond what is read into models, and no size limit applies.
    /// </summary>
    /// <remarks>
    /// The timeout bounds every wait for more bytes instead of the whole transfer, so a long list that keeps arriving is
    /// never cut, and a body that stalls ends at the timeout: a watchdog closes the connection, which unblocks the
    /// reader. The caller's cancellation does the same.
    /// </remarks>
    internal sealed class StreamedContent : HttpContent
    {
        private readonly HttpContent _original;
        private readonly WatchdogStream _stream;

        private StreamedContent(HttpContent original, WatchdogStream stream)
        {
            _original = original;
            _stream = stream;
        }

        public MediaTypeHeaderValue? ContentType => _original.Headers.ContentType;

        /// <summary>The body, as it arrives.</summary>
        public Stream Stream => _stream;

        /// <summary>Whether the watchdog ended the read (the body stalled for longer than the timeout).</summary>
        public bool Stalled => _stream.Stalled;

        public static async Task<StreamedContent> OpenAsync(HttpContent original, TimeSpan idleTimeout, CancellationToken callerToken)
        {
#if NET5_0_OR_GREATER
            var inner = await original.ReadAsStreamAsync(callerToken).ConfigureAwait(false);
#else
            var inner = await original.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            return new StreamedContent(original, new WatchdogStream(inner, original, idleTimeout, callerToken));
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _stream.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _stream.Dispose();
                _original.Dispose();
            }
            base.Dispose(disposing);
        }

        /// <summary>Reads through to the network stream, restarting the idle timer before every read.</summary>
        private sealed class WatchdogStream : Stream
        {
            private readonly Stream _inner;
            private readonly TimeSpan _idleTimeout;
            private readonly CancellationTokenSource? _idle;
            private readonly CancellationTokenRegistration _onStall;
            private readonly CancellationTokenRegistration _onCancel;

            public WatchdogStream(Stream inner, HttpContent original, TimeSpan idleTimeout, CancellationToken callerToken)
            {
                _inner = inner;
                _idleTimeout = idleTimeout;
                if (idleTimeout != Timeout.InfiniteTimeSpan)
                {
                    _idle = new CancellationTokenSource();
                    _idle.CancelAfter(idleTimeout);
                    _onStall = _idle.Token.Register(static s => ((HttpContent)s!).Dispose(), original);
                }
                if (callerToken.CanBeCanceled) _onCancel = callerToken.Register(static s => ((HttpContent)s!).Dispose(), original);
            }

            public bool Stalled => _idle?.IsCancellationRequested == true;

            public override int Read(byte[] buffer, int offset, int count)
            {
                _idle?.CancelAfter(_idleTimeout);
                return _inner.Read(buffer, offset, count);
            }

#if NET5_0_OR_GREATER
            public override int Read(Span<byte> buffer)
            {
                _idle?.CancelAfter(_idleTimeout);
                return _inner.Read(buffer);
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                _idle?.CancelAfter(_idleTimeout);
                return _inner.ReadAsync(buffer, cancellationToken);
            }
#endif

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                _idle?.CancelAfter(_idleTimeout);
                return _inner.ReadAsync(buffer, offset, count, cancellationToken);
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _onStall.Dispose();
                    _onCancel.Dispose();
                    _idle?.Dispose();
                    _inner.Dispose();
                }
                base.Dispose(disposing);
            }
        }
    }
}
