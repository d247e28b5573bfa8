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
using Newtonsoft.Json.Linq;
using NSwag;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>
    /// A list response of N items, each the document's example item (assembled from the schema's examples
    /// of the corrected document, as the contract suite does), and where the operation lives.
    /// </summary>
    public static class ListPayload
    {
        /// <summary>
        /// The list operations benchmarked, and their paths under the host: the document's server is
        /// https://api.upstash.com/v2, but /auditlogs has a path-level server at the host root.
        /// </summary>
        public static string PathOf(string operationId) => operationId switch
        {
            "listAuditLogs" => "auditlogs",
            "listDatabases" => "v2/redis/databases",
            _ => throw new ArgumentOutOfRangeException(nameof(operationId), operationId, "not a benchmarked list operation"),
        };

        private static readonly Lazy<OpenApiDocument> Document = new(() => EffectiveDocument.Load(
            Path.Combine(AppContext.BaseDirectory, "openapi", "openapi.yml"),
            Path.Combine(AppContext.BaseDirectory, "openapi", "corrections.overlay.yml")));

        /// <summary>An operation of the corrected document (openapi.yml with corrections.overlay.yml applied).</summary>
        public static OpenApiOperation Operation(string operationId) => Document.Value.Operations.Single(o => o.Operation.OperationId == operationId).Operation;

        /// <summary>One item of the operation's result, as compact JSON.</summary>
        public static string Item(string operationId)
        {
            var operation = Operation(operationId);
            var example = ExampleAssembler.SuccessResponse(operation, out _) as JArray
                ?? throw new InvalidOperationException($"{operationId}: the document has no example list");
            return example.First!.ToString(Formatting.None);
        }

        /// <summary>A JSON array of <paramref name="count"/> copies of the example item, as UTF-8.</summary>
        public static byte[] Build(string operationId, int count)
        {
            var item = Item(operationId);
            var text = new StringBuilder(count * (item.Length + 1) + 2).Append('[');
            for (var i = 0; i < count; i++) (i == 0 ? text : text.Append(',')).Append(item);
            return Encoding.UTF8.GetBytes(text.Append(']').ToString());
        }
    }

    /// <summary>Answers every request with the same bytes, in memory: isolates the clients from the network.</summary>
    public sealed class FixedResponseHandler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");
        private readonly byte[] _body;

        public FixedResponseHandler(byte[] body) => _body = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = Json;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
