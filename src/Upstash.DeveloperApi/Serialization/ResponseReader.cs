using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Http;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>
    /// Reads a success body by the shape of the operation's result, the same way for every operation: a
    /// model through the tolerant reader, a list item by item, a string as what it is (the JSON string
    /// <c>"OK"</c> or plain text <c>OK</c>). A body that yields nothing usable is an unreadable response whose
    /// raw body stays reachable from code (<see cref="UpstashApiException.GetRawResponseBody"/>), never from a message.
    /// </summary>
    internal static class ResponseReader
    {
        private static readonly ConcurrentDictionary<Type, PropertyInfo[]> SecretProperties = new();

        public static T Read<T>(ApiOperation operation, HttpResponseMessage response, Diagnostics.UpstashClientLog? log)
        {
            var status = (int)response.StatusCode;
            var body = response.Content as BufferedContent ?? BufferedContent.Empty(null);
            var result = Shape<T>.Read(body, out var problem);
            if (result == null)
            {
                var reason = body.Length > 0 && !body.IsJsonMediaType ? $"the body is '{SafeMediaType(body)}', not JSON" : problem ?? "the body is not what the document describes";
                throw Unreadable(operation, status, reason, body, log);
            }
            if (operation.IssuesCredentials && MissingSecrets(result, operation, brokeOff: problem != null) is string missing)
                throw Unreadable(operation, status, missing, body, log);
            if (!body.IsJsonMediaType && body.Length > 0 && result is IReadIssueSink sink)
                sink.AddReadIssue($"the content type was '{SafeMediaType(body)}', not application/json.");
            return result;
        }

        /// <summary>A string result: a JSON string is unquoted, anything else is the text as sent.</summary>
        internal static string ReadText(BufferedContent body)
        {
            var text = body.Text();
            var trimmed = text.Trim();
            if (trimmed.Length >= 2 && trimmed[0] == '"')
            {
                try
                {
                    if (JToken.Parse(trimmed) is JValue { Type: JTokenType.String } value) return (string)value!;
                }
                catch (JsonException)
                {
                    // not a JSON string after all: the text as sent
                }
            }
            return text;
        }

        /// <summary>
        /// Why the result of an operation that issues credentials does not carry them, or null when it does.
        /// The response's fields named like secrets (<see cref="SecretNames"/>) are looked at: the one the
        /// operation names (<c>token</c> for Reset QStash Token, <c>password</c> for Reset Password) must be
        /// set, or, when it names none of them, at least one; and when the JSON broke off, all of them, for
        /// a new credential may be lost with the rest of the body. (A reset that answers "OK" has none.)
        /// </summary>
        private static string? MissingSecrets(object result, ApiOperation operation, bool brokeOff)
        {
            var properties = SecretProperties.GetOrAdd(result.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && SecretNames.IsSecret(JsonName(p)))
                .ToArray());
            if (properties.Length == 0) return null;
            bool Set(PropertyInfo p) => !string.IsNullOrEmpty((string?)p.GetValue(result));
            var named = properties.Where(p => SecretNames.Words(JsonName(p)).Any(w => operation.CredentialWords.Contains(w.ToLowerInvariant().TrimEnd('s')))).ToList();
            if (named.Count > 0 ? !named.All(Set) : !properties.Any(Set)) return "the body does not have the new credentials";
            if (brokeOff && !properties.All(Set)) return "the JSON breaks off before all of the new credentials";
            return null;
        }

        private static string JsonName(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? property.Name;

        private static UpstashUnreadableResponseException Unreadable(ApiOperation operation, int status, string reason, BufferedContent body, Diagnostics.UpstashClientLog? log)
        {
            var exception = CallErrors.UnreadableSuccess(operation, status, reason, body.Text(), null);
            log?.CallFailed(exception);
            return exception;
        }

        private static string SafeMediaType(BufferedContent body) => Redaction.SanitizeServerText(body.MediaType, null, 60) ?? "none";

        /// <summary>How a result of type <typeparamref name="T"/> is read, decided once per type.</summary>
        private static class Shape<T>
        {
            private delegate object? Reader(BufferedContent body, out string? problem);

            private static readonly Reader ReadAny = Choose();

            public static T? Read(BufferedContent body, out string? problem) => (T?)ReadAny(body, out problem);

            private static Reader Choose()
            {
                var type = typeof(T);
                if (type == typeof(string))
                    return (BufferedContent body, out string? problem) =>
                    {
                        problem = null;
                        return ReadText(body);
                    };
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                {
                    var method = typeof(TolerantJson).GetMethod(nameof(TolerantJson.ReadList))!.MakeGenericMethod(type.GetGenericArguments()[0]);
                    return (Reader)Delegate.CreateDelegate(typeof(Reader), method);
                }
                return (BufferedContent body, out string? problem) => TolerantJson.Read(type, body, out problem);
            }
        }
    }
}
