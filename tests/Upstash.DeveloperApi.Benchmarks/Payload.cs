using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>
    /// The example response of Reset QStash Token, as bytes, assembled from the corrected document's examples
    /// (as the contract suite does: the upstream document gives examples per field, not per response).
    /// </summary>
    public static class Payload
    {
        public static readonly byte[] Bytes = Encoding.UTF8.GetBytes(
            (ExampleAssembler.SuccessResponse(ListPayload.Operation("resetDefaultQStashToken"), out _) ?? throw new InvalidOperationException("resetDefaultQStashToken (the seed's operation) has no example response"))
            .ToString(Formatting.None));
    }

    /// <summary>Answers every request with the example bytes, in memory: isolates the client from the network.</summary>
    public sealed class InMemoryHandler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Payload.Bytes);
            content.Headers.ContentType = Json;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
