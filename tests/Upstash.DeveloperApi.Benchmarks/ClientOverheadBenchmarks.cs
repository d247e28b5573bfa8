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

        private HttpClient _http = null!;
        private QStashClient _client = null!;
        private QStashClient _clientWithoutTimeout = null!;

        [GlobalSetup]
        public void Setup()
        {
            _http = new HttpClient(new InMemoryHandler());
            var credentials = new UpstashCredentials("bench@example.com", "bench-api-key");
            _client = new QStashClient(_http, credentials);
            _clientWithoutTimeout = new QStashClient(_http, credentials, new UpstashClientOptions { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
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
        public Task<QStashUser> HandWrittenCall() => HandWritten.CallAsync(_http, Endpoint);

        [Benchmark(Description = "(c) HttpClient + System.Text.Json source-gen")]
        public async Task<QStashUserStj> SystemTextJson()
        {
            using var request = HandWritten.Request(Endpoint);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return (await System.Text.Json.JsonSerializer.DeserializeAsync(stream, StjContext.Default.QStashUserStj).ConfigureAwait(false))!;
        }
    }
}
