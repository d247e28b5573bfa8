using System;
using System.Collections;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi
{
    // What the generated operations call to build a request (build/templates/Client.Class.liquid):
    // argument checks, escaping, the JSON body. One place, every operation.
    public abstract partial class UpstashClientBase
    {
        /// <summary>A path parameter must have a value, and one that cannot move the request elsewhere.</summary>
        private protected static void RequirePathValue(object? value, string name)
        {
            if (value == null) throw new ArgumentNullException(name, $"{name} is required.");
            var text = FormatParameter(value);
            if (text.Length == 0) throw new ArgumentException($"{name} is required and must not be empty.", name);
            if (text == "." || text == "..") throw new ArgumentException($"{name} must not be '.' or '..': in a path they would address another resource.", name);
        }

        /// <summary>A required query or header parameter, or a required body, must be given.</summary>
        private protected static void RequireValue(object? value, string name)
        {
            if (value == null) throw new ArgumentNullException(name, $"{name} is required.");
            if (value is string text && text.Length == 0) throw new ArgumentException($"{name} is required and must not be empty.", name);
        }

        /// <summary>Appends a path segment, escaped (so <c>a/b?c</c> stays one segment).</summary>
        private protected static void AppendPathValue(StringBuilder url, object value) => url.Append(Uri.EscapeDataString(FormatParameter(value)));

        /// <summary>Appends <c>name=value</c> (once per item of a list), escaped; nothing for null.</summary>
        private protected static void AppendQueryValue(StringBuilder url, string name, object? value)
        {
            if (value == null) return;
            if (value is IEnumerable items && value is not string)
            {
                foreach (var item in items)
                    if (item != null) AppendQueryPair(url, name, item);
                return;
            }
            AppendQueryPair(url, name, value);
        }

        private static void AppendQueryPair(StringBuilder url, string name, object value)
        {
            url.Append(HasQuery(url) ? '&' : '?');
            url.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(FormatParameter(value)));
        }

        private static bool HasQuery(StringBuilder url)
        {
            for (var i = url.Length - 1; i >= 0; i--)
                if (url[i] == '?') return true;
            return false;
        }

        /// <summary>Adds a header parameter; nothing for null.</summary>
        private protected static void AddHeaderValue(HttpRequestMessage request, string name, object? value)
        {
            if (value != null) request.Headers.TryAddWithoutValidation(name, FormatParameter(value));
        }

        /// <summary>A request of the operation's method, asking for JSON, naming the package (<see cref="Http.UserAgent"/>).</summary>
        private protected static HttpRequestMessage CreateRequest(ApiOperation operation)
        {
            var request = new HttpRequestMessage { Method = operation.Method };
            request.Headers.TryAddWithoutValidation("Accept", "application/json"); // no parse per call
            request.Headers.TryAddWithoutValidation("User-Agent", Http.UserAgent.Value);
            return request;
        }

        /// <summary>The body as JSON (UTF-8), written with the same settings the responses are read with.</summary>
        /// <exception cref="ArgumentException">A required field of the body is null, or an enum field holds no value; the message names the field, never a value.</exception>
        private protected static HttpContent JsonBody(object body, string mediaType)
        {
            string json;
            try
            {
                json = JsonConvert.SerializeObject(body, Serialization.TolerantJson.Settings);
            }
            catch (JsonSerializationException ex)
            {
                // "Cannot write a null value for property 'database_name'. Property requires a value. Path ''." (names, no values)
                throw new ArgumentException($"The request body ({body.GetType().Name}) is incomplete: {ex.Message}", nameof(body));
            }
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
            return content;
        }

        /// <summary>A parameter as text: an extensible enum as its wire value, numbers and dates invariant, true/false in lower case, a list joined with commas.</summary>
        internal static string FormatParameter(object value) => value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            DateTimeOffset moment => moment.ToString("o", CultureInfo.InvariantCulture),
            DateTime moment => moment.ToString("o", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable items => string.Join(",", Items(items)),
            _ => value.ToString() ?? string.Empty,
        };

        private static System.Collections.Generic.IEnumerable<string> Items(IEnumerable items)
        {
            foreach (var item in items)
                if (item != null) yield return FormatParameter(item);
        }
    }
}
