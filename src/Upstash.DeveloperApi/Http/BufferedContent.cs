using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// A response body read in full (under the call's timeout and size limit) into a pooled buffer,
    /// standing in for the original content; the buffer returns to the pool, cleared (it may hold a new
    /// token), when the response is disposed.
    /// </summary>
    internal sealed class BufferedContent : HttpContent
    {
        private byte[]? _buffer;

        // Kept here rather than in Headers: creating the header collection costs an allocation per call.
        private readonly MediaTypeHeaderValue? _contentType;

        private BufferedContent(byte[]? buffer, int length, MediaTypeHeaderValue? contentType, HttpContentHeaders? originalHeaders = null)
        {
            _buffer = buffer;
            Length = length;
            _contentType = contentType;
            OriginalHeaders = originalHeaders;
        }

        /// <summary>The content headers as the response sent them (Content-Type, Content-Length…), or null; the same collection, not a copy.</summary>
        public HttpContentHeaders? OriginalHeaders { get; }

        public int Length { get; }

        public MediaTypeHeaderValue? ContentType => _contentType;

        public string? MediaType => _contentType?.MediaType;

        public bool IsJsonMediaType => MediaType == null || IsJson(MediaType);

        /// <summary>Whether a media type is JSON (<c>application/json</c>, <c>…+json</c>).</summary>
        public static bool IsJson(string mediaType) =>
            mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

        public static BufferedContent Empty(MediaTypeHeaderValue? contentType) => new(null, 0, contentType);

        public Stream OpenRead() => new MemoryStream(_buffer ?? Array.Empty<byte>(), 0, Length, writable: false);

        public string Text() => _buffer == null ? string.Empty : Encoding.UTF8.GetString(_buffer, 0, Length);

        /// <summary>A copy of the body's bytes (the buffer itself goes back to the pool).</summary>
        public byte[] ToArray()
        {
            var copy = new byte[Length];
            if (_buffer != null) Buffer.BlockCopy(_buffer, 0, copy, 0, Length);
            return copy;
        }

        /// <summary>
        /// Reads <paramref name="content"/> whole; throws <see cref="ResponseTooLargeException"/> past
        /// <paramref name="maxBytes"/>.
        /// </summary>
        /// <remarks>
        /// When the read fails otherwise (the connection breaks, the timeout ends it), the bytes that did arrive are
        /// given to <paramref name="partial"/> as text first: for a credential reset they may hold the only copy of the
        /// new credentials.
        /// </remarks>
        public static async Task<BufferedContent> LoadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken, PartialBody? partial = null)
        {
            if (content == null) return Empty(null);
            var contentType = content.Headers.ContentType;
            var declared = content.Headers.ContentLength;
            if (declared > maxBytes) throw new ResponseTooLargeException(maxBytes);
#if NET5_0_OR_GREATER
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using (stream)
            {
                var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1L, declared.HasValue ? declared.Value + 1 : 16 * 1024));
                var length = 0;
                try
                {
                    while (true)
                    {
                        if (length == buffer.Length)
                        {
                            if (length > maxBytes) throw new ResponseTooLargeException(maxBytes);
                            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
                            Buffer.BlockCopy(buffer, 0, larger, 0, length);
                            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                            buffer = larger;
                        }
                        var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        length += read;
                        if (length > maxBytes) throw new ResponseTooLargeException(maxBytes);
                        if (length == declared) break; // HTTP framing ends the body here: no read just to be told so
                    }
                    return new BufferedContent(buffer, length, contentType, content.Headers);
                }
                catch (Exception ex)
                {
                    if (partial != null && length > 0 && !(ex is ResponseTooLargeException)) partial.Text = Encoding.UTF8.GetString(buffer, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    throw;
                }
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            _buffer == null ? Task.CompletedTask : stream.WriteAsync(_buffer, 0, Length);

        protected override bool TryComputeLength(out long length)
        {
            length = Length;
            return true;
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(OpenRead());

        protected override void Dispose(bool disposing)
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer != null) ArrayPool<byte>.Shared.Return(buffer, clearArray: true); // it may hold a new token
            base.Dispose(disposing);
        }
    }

    /// <summary>The part of a body that arrived before its read failed.</summary>
    internal sealed class PartialBody
    {
        public string? Text { get; set; }
    }

    /// <summary>The body was larger than <see cref="UpstashClientOptions.MaxResponseBytes"/>.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(int limit) : base($"The response body is larger than {limit} bytes.") => Limit = limit;

        public int Limit { get; }
    }
}
