using System;
using System.Net.Http;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>The wait a 429 or 503 asks for (<c>Retry-After</c>, as seconds or a date).</summary>
    internal static class RetryAfterHeader
    {
        /// <summary>The wait, never negative; null when the response names none.</summary>
        public static TimeSpan? Of(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }
    }
}
