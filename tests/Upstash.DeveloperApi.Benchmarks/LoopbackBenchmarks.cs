using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>
    /// End to end over loopback: a Kestrel server on 127.0.0.1 returns the example bytes; (a) the
    /// generated client against (b) the hand-written call, one caller at a time and 64 at once.
    /// One operation is one batch of Callers concurrent calls: divide by Callers for a per-call figure.
    /// (b') is (b) with the zero-byte body the generated client gives every POST (exactly once: see EmptyContent).
    /// </summary>
    [MemoryDiagnoser]
    public class LoopbackBenchmarks
    {

        private WebApplication _server = null!;
        private HttpClient _http = null!;
        private QStashClient _client = null!;
        private Uri _endpoint = null!;

        [Params(1, 64)]
        public int Callers { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            _server = builder.Build();
            _server.MapPost("/qstash/user/rotatetoken", async context =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(Payload.Bytes);
            });
            _server.StartAsync().GetAwaiter().GetResult();

            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            _endpoint = new Uri(baseAddress, "qstash/user/rotatetoken");
            _http = new HttpClient();
            _client = new QStashClient(_http, new UpstashCredentials("bench@example.com", "bench-api-key"), new UpstashClientOptions { BaseAddress = baseAddress });
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Dispose();
            _http.Dispose();
            _server.StopAsync().GetAwaiter().GetResult();
        }

        [Benchmark(Description = "(a) generated client, loopback")]
        public Task GeneratedClient() => Batch(() => _client.ResetQStashTokenAsync());

        [Benchmark(Baseline = true, Description = "(b) hand-written, loopback")]
        public Task HandWritten() => Batch(HandWrittenCall);

        [Benchmark(Description = "(b') hand-written with an empty body, loopback")]
        public Task HandWrittenEmptyBody() => Batch(() => Benchmarks.HandWritten.CallAsync(_http, _endpoint, emptyBody: true));

        private Task<QStashUser> HandWrittenCall() => Benchmarks.HandWritten.CallAsync(_http, _endpoint);

        private Task Batch(Func<Task<QStashUser>> call) =>
            Callers == 1 ? call() : Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => call()));
    }
}
