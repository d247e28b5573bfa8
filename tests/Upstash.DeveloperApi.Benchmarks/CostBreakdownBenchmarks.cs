using System;
using System.Buffers;
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
    /// Where the generated client's extra time goes: the hand-written call (b) with one of the client's
    /// steps added at a time. Used for the README's allocation and time breakdown; not a target.
    /// </summary>
    [MemoryDiagnoser]
    public class CostBreakdownBenchmarks
    {
        private static readonly Uri Endpoint = new("https://api.upstash.com/qstash/user/rotatetoken");
        private HttpClient _http = null!;

        [GlobalSetup]
        public void Setup()
        {
            _http = new HttpClient(new InMemoryHandler());
        }

        [Benchmark(Baseline = true, Description = "(b) hand-written")]
        public Task<QStashUser> HandWrittenCall() => HandWritten.CallAsync(_http, Endpoint);

        [Benchmark(Description = "(b) + body buffered in a pooled array first")]
        public async Task<QStashUser> HandWrittenBuffered()
        {
            using var request = HandWritten.Request(Endpoint);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                var length = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer, length, buffer.Length - length).ConfigureAwait(false)) > 0) length += read;
                using var reader = new JsonTextReader(new StreamReader(new MemoryStream(buffer, 0, length, false), Encoding.UTF8));
                return HandWritten.Newtonsoft.Deserialize<QStashUser>(reader)!;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        [Benchmark(Description = "(b) + a new Uri per call")]
        public async Task<QStashUser> HandWrittenNewUri()
        {
            using var request = HandWritten.Request(new Uri("https://api.upstash.com/" + "qstash/user/rotatetoken"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            return HandWritten.Newtonsoft.Deserialize<QStashUser>(reader)!;
        }
    }
}
