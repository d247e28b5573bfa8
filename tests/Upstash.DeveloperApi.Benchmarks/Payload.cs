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
    /// <summary>The document's example response, as bytes, read from openapi/openapi.yml.</summary>
    public static class Payload
    {
        public static readonly byte[] Bytes = Encoding.UTF8.GetBytes(Load());

        private static string Load()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "openapi", "openapi.yml");
            var document = OpenApiYaml.LoadAsync(path).GetAwaiter().GetResult();
            var media = document.Operations.Single(o => o.Operation.OperationId == "resetQStashToken").Operation.ActualResponses["200"].Content["application/json"];
            return OpenApiParts.ExamplesOf(media).First().Value.ToString(Formatting.None);
        }
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
