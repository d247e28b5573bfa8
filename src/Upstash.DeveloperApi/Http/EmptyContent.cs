using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>A body of zero bytes (<c>Content-Length: 0</c>, as HTTP/1.1 sends a bodyless POST anyway).</summary>
    /// <remarks>
    /// The transport gives one to every non-idempotent request that has none: SocketsHttpHandler repeats a request
    /// without a body when its connection closes before the answer, and one with a body it sends exactly once (proved on
    /// a raw socket by RawSocketFaultTests).
    /// </remarks>
    internal sealed class EmptyContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return true;
        }
    }
}
