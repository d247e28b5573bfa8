using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>
    /// Reads a success body by the shape of the operation's result, the same way for every operation: a model field by
    /// field and a list item by item, as they arrive (buffered only for an operation that issues credentials), a string
    /// as what it is (the JSON string <c>"OK"</c> or plain text <c>OK</c>).
    /// </summary>
    /// <remarks>
    /// A body that yields nothing usable is an unreadable response; when it was buffered, its raw body stays reachable
    /// from code (<see cref="UpstashApiException.GetRawResponseBody"/>), never from a message.
    /// </remarks>
    internal static class ResponseReader
    {
        // Per operation (by reference): an operation has one result type.
        private static readonly ConcurrentDictionary<ApiOperation, SecretFields> CredentialFields = new();

        /// <summary>Whether results of type <typeparamref name="T"/> can be read as they arrive (lists and models; a string is read whole).</summary>
        public static bool CanStream<T>() => Shape<T>.CanStream;

        public static T Read<T>(ApiOperation operation, HttpResponseMessage response, Diagnostics.UpstashClientLog? log, CancellationToken cancellationToken)
        {
            if (response.Content is StreamedContent streamed) return ReadStreamed<T>(operation, response, streamed, log, cancellationToken);
            var status = (int)response.StatusCode;
            var body = response.Content as BufferedContent ?? BufferedContent.Empty(null);
            var result = Shape<T>.Read(body, out var problem);
            if (result == null)
            {
                var reason = body.Length > 0 && !body.IsJsonMediaType ? $"the body is '{SafeMediaType(body)}', not JSON" : problem ?? "the body is not what the document describes";
                throw Unreadable(operation, status, Undocumented(operation, status, reason), body, log);
            }
            if (operation.IssuesCredentials && MissingSecrets(result, operation, brokeOff: problem != null) is string missing)
                throw Unreadable(operation, status, Undocumented(operation, status, missing), body, log);
            if (!body.IsJsonMediaType && body.Length > 0 && result is IReadIssueSink sink)
                sink.AddReadIssue($"the content type was '{SafeMediaType(body)}', not application/json.");
            NoteUndocumented(operation, status, result);
            return result;
        }

        /// <summary>
        /// A success status the document does not list for the operation (201 or 202 where it lists 200; the Terraform
        /// provider accepts all three) is a success when the body reads as the documented result: the result says so in
        /// its ReadIssues.
        /// </summary>
        /// <remarks>When the body does not read, the reason says which status came.</remarks>
        private static string Undocumented(ApiOperation operation, int status, string reason) =>
            operation.IsSuccess(status) ? reason : $"the API document does not list status {status} for this operation, so its body is not the documented one: {reason}";

        private static void NoteUndocumented(ApiOperation operation, int status, object? result)
        {
            if (!operation.IsSuccess(status) && result is IReadIssueSink sink)
                sink.AddReadIssue($"the status was {status}, which the API document does not list for this operation; the body read as the documented result.");
        }

        /// <summary>A list or a model read as it arrives.</summary>
        /// <remarks>
        /// A transport failure on the way is an unreadable response; a stall of more than the timeout too; a cancellation
        /// is a cancellation.
        /// </remarks>
        private static T ReadStreamed<T>(ApiOperation operation, HttpResponseMessage response, StreamedContent body, Diagnostics.UpstashClientLog? log, CancellationToken cancellationToken)
        {
            var status = (int)response.StatusCode;
            object? result;
            string? problem;
            try
            {
                result = Shape<T>.ReadStream(body.Stream, out problem);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is ObjectDisposedException || ex is HttpRequestException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var reason = body.Stalled ? "the body stopped arriving for longer than the timeout" : "the connection broke while the body was being read";
                var exception = CallErrors.UnreadableSuccess(operation, status, reason, null, ex);
                log?.CallFailed(exception);
                throw exception;
            }
            var mediaType = body.ContentType?.MediaType;
            if (result == null)
            {
                var reason = mediaType != null && !BufferedContent.IsJson(mediaType)
                    ? $"the body is '{Redaction.SanitizeServerText(mediaType, null, 60)}', not JSON"
                    : problem ?? "the body is not what the document describes";
                var exception = CallErrors.UnreadableSuccess(operation, status, Undocumented(operation, status, reason), null, null);
                log?.CallFailed(exception);
                throw exception;
            }
            if (mediaType != null && !BufferedContent.IsJson(mediaType) && result is IReadIssueSink sink)
                sink.AddReadIssue($"the content type was '{Redaction.SanitizeServerText(mediaType, null, 60)}', not application/json.");
            NoteUndocumented(operation, status, result);
            return (T)result;
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

        /// <summary>Why the result of an operation that issues credentials does not carry them, or null when it does.</summary>
        /// <remarks>
        /// The response's fields named like secrets (<see cref="SecretNames"/>) are looked at: the one the operation
        /// names (<c>token</c> for Reset QStash Token, <c>password</c> for Reset Password) must be set (the most direct
        /// of them: <c>token</c>, not <c>read_only_token</c>), or, when it names none of them, at least one; and when the
        /// JSON broke off, all of them but the longer variants of the named one, for a new credential may be lost with
        /// the rest of the body. (A reset that answers "OK" has none.)
        /// </remarks>
        private static string? MissingSecrets(object result, ApiOperation operation, bool brokeOff)
        {
            if (!CredentialFields.TryGetValue(operation, out var secrets))
                secrets = CredentialFields.GetOrAdd(operation, new SecretFields(result.GetType(), operation));
            if (secrets.All.Length == 0) return null;
            if (secrets.Named.Length > 0 ? !AllSet(secrets.Named, result) : !AnySet(secrets.All, result)) return "the body does not have the new credentials";
            if (brokeOff && !AllSet(secrets.AllButVariants, result)) return "the JSON breaks off before all of the new credentials";
            return null;
        }

        private static bool AllSet(PropertyInfo[] properties, object result)
        {
            foreach (var property in properties)
                if (string.IsNullOrEmpty((string?)property.GetValue(result))) return false;
            return true;
        }

        private static bool AnySet(PropertyInfo[] properties, object result)
        {
            foreach (var property in properties)
                if (!string.IsNullOrEmpty((string?)property.GetValue(result))) return true;
            return false;
        }

        /// <summary>The fields of a result type named like secrets, and those the operation names, worked out once per type and operation.</summary>
        private sealed class SecretFields
        {
            public SecretFields(Type type, ApiOperation operation)
            {
                All = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.PropertyType == typeof(string) && SecretNames.IsSecret(JsonName(p)))
                    .ToArray();
                // The most direct of the fields the operation names: "token", not also "read_only_token",
                // which a response may leave out (the fewest words wins; equals all stay).
                var named = All.Where(p => SecretNames.Words(JsonName(p)).Any(w => operation.CredentialWords.Contains(w.ToLowerInvariant().TrimEnd('s')))).ToArray();
                var fewest = named.Length == 0 ? 0 : named.Min(p => SecretNames.Words(JsonName(p)).Count());
                Named = named.Where(p => SecretNames.Words(JsonName(p)).Count() == fewest).ToArray();
                // The longer names of the named credential (read_only_token beside token) are variants a
                // response may not carry at all, so a body that broke off is not held to them.
                AllButVariants = All.Except(named.Except(Named)).ToArray();
            }

            public PropertyInfo[] All { get; }

            public PropertyInfo[] Named { get; }

            public PropertyInfo[] AllButVariants { get; }
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

            private delegate object? StreamShapeReader(System.IO.Stream body, out string? problem);

            private static readonly Reader ReadAny = Choose();

            private static readonly StreamShapeReader? ReadFromStream = ChooseStream();

            public static bool CanStream => ReadFromStream != null;

            public static T? Read(BufferedContent body, out string? problem) => (T?)ReadAny(body, out problem);

            public static object? ReadStream(System.IO.Stream body, out string? problem) => ReadFromStream!(body, out problem);

            private static StreamShapeReader? ChooseStream()
            {
                var type = typeof(T);
                if (type == typeof(string)) return null;
                if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(UpstashList<>))
                    return (System.IO.Stream body, out string? problem) => StreamedJson.ReadObject(type, body, out problem);
                var method = typeof(StreamedJson).GetMethod(nameof(StreamedJson.ReadList))!
                    .MakeGenericMethod(type.GetGenericArguments()[0]);
                return (StreamShapeReader)Delegate.CreateDelegate(typeof(StreamShapeReader), method);
            }

            private static Reader Choose()
            {
                var type = typeof(T);
                if (type == typeof(string))
                    return (BufferedContent body, out string? problem) =>
                    {
                        problem = null;
                        return ReadText(body);
                    };
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(UpstashList<>))
                {
                    // A buffered list (a credential-issuing operation that returns one) is read the same way as a streamed one.
                    var fromStream = ChooseStream()!;
                    return (BufferedContent body, out string? problem) => fromStream(body.OpenRead(), out problem);
                }
                return (BufferedContent body, out string? problem) => TolerantJson.Read(type, body, out problem);
            }
        }
    }
}
