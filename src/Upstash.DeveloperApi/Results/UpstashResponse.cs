using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Upstash.DeveloperApi
{
    /// <summary>The success of an operation that returns no result: its status and headers.</summary>
    /// <remarks>
    /// The API document gives such operations (deletes, renames, enable and disable switches, plan changes)
    /// a body of <c>"OK"</c>; the service also sends an empty body or plain <c>OK</c>. All of them are this
    /// success, so that no caller compares strings. It holds no secret: it never keeps the body.
    /// Create one in a test to stand in for a call (<c>new UpstashResponse(200)</c>).
    /// </remarks>
    public sealed class UpstashResponse : IReadIssues
    {
        private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Creates the success of a call with this status and these headers.</summary>
        /// <param name="status">The HTTP status, 200 to 299.</param>
        /// <param name="headers">The response headers by name (case-insensitive); null for none.</param>
        /// <param name="readIssues">What did not read as the document describes (a status it does not list); null for nothing.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a success status.</exception>
        public UpstashResponse(int status, IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers = null, IEnumerable<string>? readIssues = null)
        {
            if (status < 200 || status > 299) throw new ArgumentOutOfRangeException(nameof(status), status, "A success status is 200 to 299.");
            Status = status;
            Headers = headers == null ? NoHeaders : Collect(headers);
            ReadIssues = readIssues?.ToArray() ?? Array.Empty<string>();
        }

        /// <summary>The HTTP status of the success (200 as documented; 201 or 202 when the service sends them).</summary>
        public int Status { get; }

        /// <summary>The response and content headers, by name (case-insensitive).</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

        /// <inheritdoc/>
        public IReadOnlyList<string> ReadIssues { get; }

        /// <inheritdoc/>
        public override string ToString() => $"UpstashResponse {{ Status = {Status}, Headers: {Headers.Count} }}";

        internal static UpstashResponse From(HttpResponseMessage response, IEnumerable<string>? readIssues)
        {
            var headers = response.Headers.AsEnumerable();
            var contentHeaders = response.Content is Http.BufferedContent buffered ? buffered.OriginalHeaders : response.Content?.Headers;
            if (contentHeaders != null) headers = headers.Concat(contentHeaders);
            return new UpstashResponse((int)response.StatusCode, headers, readIssues);
        }

        private static IReadOnlyDictionary<string, IReadOnlyList<string>> Collect(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
        {
            var collected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in headers)
                collected[header.Key] = collected.TryGetValue(header.Key, out var earlier)
                    ? earlier.Concat(header.Value).ToArray()
                    : header.Value.ToArray();
            return collected;
        }
    }
}
