using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Serialization;

namespace Upstash.DeveloperApi
{
    // Hand-written: the hooks NSwag's client template calls (nswag.json turns on the async variants).
    // They stay thin and hand over to the file of each concern.
    public partial class QStashClient
    {
        private Task PrepareRequestAsync(UpstashHttpPipeline client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        private Task PrepareRequestAsync(UpstashHttpPipeline client, HttpRequestMessage request, string url, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        // NSwag's response hook. Error statuses are mapped right after it, by CreateErrorStatusException.
        private Task ProcessResponseAsync(UpstashHttpPipeline client, HttpResponseMessage response, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) =>
            TolerantJson.Configure(settings);
    }
}
