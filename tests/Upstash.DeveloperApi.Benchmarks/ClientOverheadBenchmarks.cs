using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>
    /// Per call of ResetQStashTokenAsync, through an in-memory handler that returns the example bytes:
    /// (a) the generated client with all its partials, (b) the call a careful engineer writes by hand
    /// with Newtonsoft streaming, (c) System.Text.Json source generation, the floor.
    /// </summary>
    [MemoryDiagnoser]
    public class ClientOverheadBenchmarks
    {
        private static readonly Uri Endpoint = new("https://api.upstash.com/qstash/user/rotatetoken");
        private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
        private static readonly JsonSerializer Newtonsoft = JsonSerializer.CreateDefault();

        private HttpClient _http = null!;
        private QStashClient _client = null!;
        private QStashClient _clientWithoutTimeout = null!;
        private AuthenticationHeaderValue _authorization = null!;

        [GlobalSetup]
        public void Setup()
        {
            _http = new HttpClient(new InMemoryHandler());
            var credentials = new UpstashCredentials("bench@example.com", "bench-api-key");
            _client = new QStashClient(_http, credentials);
            _clientWithoutTimeout = new QStashClient(_http, credentials, new QStashClientOptions { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bench@example.com:bench-api-key")));
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Dispose();
            _http.Dispose();
        }

        [Benchmark(Description = "(a) generated client")]
        public Task<QStashUser> GeneratedClient() => _client.ResetQStashTokenAsync();

        [Benchmark(Description = "(a') generated client, no client timeout")]
        public Task<QStashUser> GeneratedClientWithoutTimeout() => _clientWithoutTimeout.ResetQStashTokenAsync();

        [Benchmark(Baseline = true, Description = "(b) hand-written HttpClient + Newtonsoft")]
        public async Task<QStashUser> HandWritten()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
            request.Headers.Authorization = _authorization;
            request.Headers.Accept.Add(AcceptJson);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            return Newtonsoft.Deserialize<QStashUser>(reader)!;
        }

        [Benchmark(Description = "(c) HttpClient + System.Text.Json source-gen")]
        public async Task<QStashUserStj> SystemTextJson()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
            request.Headers.Authorization = _authorization;
            request.Headers.Accept.Add(AcceptJson);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return (await System.Text.Json.JsonSerializer.DeserializeAsync(stream, StjContext.Default.QStashUserStj).ConfigureAwait(false))!;
        }
    }
}
