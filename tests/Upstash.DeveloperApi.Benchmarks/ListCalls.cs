using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>
    /// The ways of reading a list operation's result that the list benchmarks and the peak-memory run
    /// compare: (a) the generated client, (b) the call a careful engineer writes by hand (HttpClient and
    /// Newtonsoft's JsonSerializer over the response stream, into the same models), (c) System.Text.Json
    /// source generation, the floor; and item by item, never holding the list: (d) the generated
    /// Enumerate…Async form, (e) its hand-written baseline.
    /// </summary>
    public sealed class ListCalls : IDisposable
    {
        private readonly HttpClient _http;
        private readonly UpstashClient _client;
        private readonly Uri _endpoint;
        private readonly string _operationId;

        /// <param name="http">Sends every request.</param>
        /// <param name="host">The scheme, host and port: https://api.upstash.com/, or a loopback server.</param>
        /// <param name="operationId">listAuditLogs or listDatabases.</param>
        public ListCalls(HttpClient http, Uri host, string operationId)
        {
            _http = http;
            _operationId = operationId;
            _endpoint = new Uri(host, ListPayload.PathOf(operationId));
            var options = host.Host == "api.upstash.com" ? new UpstashClientOptions() : new UpstashClientOptions { BaseAddress = host };
            _client = new UpstashClient(http, new UpstashCredentials("bench@example.com", "bench-api-key"), options);
        }

        /// <summary>(a) the generated client.</summary>
        public async Task<object> GeneratedAsync() => _operationId == "listAuditLogs"
            ? await _client.AuditLogs.ListAuditLogsAsync().ConfigureAwait(false)
            : await _client.Redis.ListDatabasesAsync().ConfigureAwait(false);

        /// <summary>(b) hand-written: HttpClient and Newtonsoft over the response stream, into the generated models.</summary>
        public async Task<object> HandWrittenAsync() => _operationId == "listAuditLogs"
            ? await HandWrittenAsync<List<AuditLog>>().ConfigureAwait(false)
            : await HandWrittenAsync<List<Database>>().ConfigureAwait(false);

        /// <summary>(c) HttpClient and System.Text.Json source generation, into models of the same fields.</summary>
        public async Task<object> SystemTextJsonAsync()
        {
            using var request = Request();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return _operationId == "listAuditLogs"
                ? (await System.Text.Json.JsonSerializer.DeserializeAsync(stream, StjContext.Default.ListAuditLogStj).ConfigureAwait(false))!
                : (await System.Text.Json.JsonSerializer.DeserializeAsync(stream, StjContext.Default.ListDatabaseStj).ConfigureAwait(false))!;
        }

        /// <summary>(d) the generated client's Enumerate form: every item read, looked at and dropped; returns the count.</summary>
        public async Task<int> EnumeratedAsync()
        {
            var count = 0;
            if (_operationId == "listAuditLogs")
            {
                await foreach (var entry in _client.AuditLogs.EnumerateAuditLogsAsync().ConfigureAwait(false))
                    if (entry.Timestamp != null) count++;
            }
            else
            {
                await foreach (var database in _client.Redis.EnumerateDatabasesAsync().ConfigureAwait(false))
                    if (database.DatabaseId != null) count++;
            }
            return count;
        }

        /// <summary>(e) the hand-written baseline of (d): HttpClient and Newtonsoft, one item at a time off the response stream; returns the count.</summary>
        public async Task<int> HandWrittenItemByItemAsync() => _operationId == "listAuditLogs"
            ? await HandWrittenItemByItemAsync<AuditLog>(e => e.Timestamp != null).ConfigureAwait(false)
            : await HandWrittenItemByItemAsync<Database>(d => d.DatabaseId != null).ConfigureAwait(false);

        private async Task<int> HandWrittenItemByItemAsync<T>(Func<T, bool> look)
        {
            using var request = Request();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            var count = 0;
            await reader.ReadAsync().ConfigureAwait(false); // [
            while (await reader.ReadAsync().ConfigureAwait(false) && reader.TokenType == JsonToken.StartObject)
            {
                var item = (await Newtonsoft.Json.Linq.JToken.ReadFromAsync(reader).ConfigureAwait(false)).ToObject<T>(HandWritten.Newtonsoft)!;
                if (look(item)) count++;
            }
            return count;
        }

        private async Task<T> HandWrittenAsync<T>()
        {
            using var request = Request();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            return HandWritten.Newtonsoft.Deserialize<T>(reader)!;
        }

        private HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, _endpoint);
            request.Headers.Authorization = HandWritten.Authorization;
            request.Headers.Accept.Add(HandWritten.AcceptJson);
            return request;
        }

        public void Dispose() => _client.Dispose();
    }
}
