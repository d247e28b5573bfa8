using System.Collections;
using System.Collections.Generic;
using System.Net.Http;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The response headers as NSwag's generated code expects them (a read-only dictionary), copied
    /// from the response only when something reads them. Stock NSwag copies them on every call.
    /// </summary>
    internal sealed class LazyResponseHeaders : IReadOnlyDictionary<string, IEnumerable<string>>
    {
        private readonly HttpResponseMessage _response;
        private Dictionary<string, IEnumerable<string>>? _headers;

        /// <summary>Wraps the headers of <paramref name="response"/> (response and content headers).</summary>
        public LazyResponseHeaders(HttpResponseMessage response) => _response = response;

        private Dictionary<string, IEnumerable<string>> Headers
        {
            get
            {
                if (_headers != null) return _headers;
                var headers = new Dictionary<string, IEnumerable<string>>(System.StringComparer.OrdinalIgnoreCase);
                foreach (var item in _response.Headers) headers[item.Key] = item.Value;
                if (_response.Content != null)
                    foreach (var item in _response.Content.Headers) headers[item.Key] = item.Value;
                if (_response.Content is BufferedContent buffered && buffered.ContentType != null)
                    headers["Content-Type"] = new[] { buffered.ContentType.ToString() };
                return _headers = headers;
            }
        }

        /// <inheritdoc/>
        public IEnumerable<string> this[string key] => Headers[key];

        /// <inheritdoc/>
        public IEnumerable<string> Keys => Headers.Keys;

        /// <inheritdoc/>
        public IEnumerable<IEnumerable<string>> Values => Headers.Values;

        /// <inheritdoc/>
        public int Count => Headers.Count;

        /// <inheritdoc/>
        public bool ContainsKey(string key) => Headers.ContainsKey(key);

        /// <inheritdoc/>
        public bool TryGetValue(string key, out IEnumerable<string> value) => Headers.TryGetValue(key, out value!);

        /// <inheritdoc/>
        public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Headers.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
