using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>(b): the call a careful engineer writes by hand: HttpClient.SendAsync and Newtonsoft streaming into the same model.</summary>
    public static class HandWritten
    {
        public static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
        public static readonly JsonSerializer Newtonsoft = JsonSerializer.CreateDefault();
        public static readonly AuthenticationHeaderValue Authorization =
            new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bench@example.com:bench-api-key")));

        public static HttpRequestMessage Request(Uri endpoint)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
            request.Headers.Authorization = Authorization;
            request.Headers.Accept.Add(AcceptJson);
            return request;
        }

        public static async Task<QStashUser> CallAsync(HttpClient http, Uri endpoint, bool emptyBody = false)
        {
            using var request = Request(endpoint);
            // With emptyBody, the POST carries a zero-byte body, as the generated client's does: what its
            // exactly-once rule costs (SocketsHttpHandler silently repeats a POST that has no body).
            if (emptyBody) request.Content = new ByteArrayContent(Array.Empty<byte>());
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            return Newtonsoft.Deserialize<QStashUser>(reader)!;
        }
    }
}
