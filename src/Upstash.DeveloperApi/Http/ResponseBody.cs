using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>A response body read into a pooled buffer, never beyond a size limit.</summary>
    internal sealed class ResponseBody : IDisposable
    {
        private byte[]? _buffer;

        private ResponseBody(byte[]? buffer, int length, string? mediaType)
        {
            _buffer = buffer;
            Length = length;
            MediaType = mediaType;
        }

        public int Length { get; }

        public string? MediaType { get; }

        public bool IsJsonMediaType =>
            MediaType == null ||
            MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
            MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

        public Stream OpenRead() => new MemoryStream(_buffer ?? Array.Empty<byte>(), 0, Length, writable: false);

        public string Text() => _buffer == null ? string.Empty : Encoding.UTF8.GetString(_buffer, 0, Length);

        public static async Task<ResponseBody> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
        {
            if (content == null) return new ResponseBody(null, 0, null);
            var mediaType = content.Headers.ContentType?.MediaType;
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
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                        var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        length += read;
                        if (length > maxBytes) throw new ResponseTooLargeException(maxBytes);
                    }
                    return new ResponseBody(buffer, length, mediaType);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }
            }
        }

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer != null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The body was larger than <see cref="QStashClientOptions.MaxResponseBytes"/>.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(int limit) : base($"The response body is larger than {limit} bytes.") => Limit = limit;

        public int Limit { get; }
    }
}
