using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>
    /// A list operation's result at 10, 1,000 and 100,000 items, through an in-memory handler that returns
    /// the bytes: (a) the generated client against (b) the hand-written HttpClient + Newtonsoft call over the
    /// response stream into the same models (the baseline of the ratios) and (c) System.Text.Json source
    /// generation, the floor. "µs/item" and "B/item" show whether the cost grows linearly.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(PerItemConfig))]
    public class ListBenchmarks
    {
        private HttpClient _http = null!;
        private ListCalls _calls = null!;

        [Params("listAuditLogs", "listDatabases")]
        public string Operation { get; set; } = "listAuditLogs";

        [Params(10, 1_000, 100_000)]
        public int Items { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _http = new HttpClient(new FixedResponseHandler(ListPayload.Build(Operation, Items)));
            _calls = new ListCalls(_http, new Uri("https://api.upstash.com/"), Operation);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _calls.Dispose();
            _http.Dispose();
        }

        [Benchmark(Description = "(a) generated client, list")]
        public Task<object> GeneratedClient() => _calls.GeneratedAsync();

        [Benchmark(Baseline = true, Description = "(b) hand-written HttpClient + Newtonsoft, list")]
        public Task<object> HandWritten() => _calls.HandWrittenAsync();

        [Benchmark(Description = "(c) HttpClient + System.Text.Json source-gen, list")]
        public Task<object> SystemTextJson() => _calls.SystemTextJsonAsync();
    }
}
