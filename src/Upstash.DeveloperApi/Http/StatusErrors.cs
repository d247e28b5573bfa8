using System;
using System.Net.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// Every status that is not a success (a 2xx the document does not list goes to the reader:
    /// Serialization/ResponseReader.cs) becomes a typed <see cref="UpstashApiException"/>, the same way for every
    /// operation, whatever error schemas the document gives (NSwag's own exceptions would copy the body into the
    /// message).
    /// </summary>
    /// <remarks>
    /// Messages say what happened and what to do, and quote at most Upstash's error text, sanitized; never a body.
    /// </remarks>
    internal static class StatusErrors
    {
        private static readonly string[] ErrorTextFields = { "error", "message", "error_description", "detail", "reason" };

        /// <summary>The exception of an error response; <paramref name="retries"/> says how often the pipeline repeated the request first.</summary>
        public static UpstashApiException Create(ApiOperation operation, HttpResponseMessage response, int retries)
        {
            var status = (int)response.StatusCode;
            var rawBody = (response.Content as BufferedContent)?.Text();
            var errorText = Redaction.SanitizeServerText(ExtractErrorText(rawBody), response.RequestMessage?.Headers.Authorization);
            return Create(operation, status, errorText, RetryAfterHeader.Of(response), rawBody, retries);
        }

        internal static UpstashApiException Create(ApiOperation operation, int status, string? errorText, TimeSpan? retryAfter, string? rawBody, int retries = 0)
        {
            var id = operation.Id;
            var said = errorText == null ? "." : $": \"{errorText}\".";
            var after = retries == 0 ? string.Empty : $" after {retries} {(retries == 1 ? "retry" : "retries")}";
            var head = $"{id}: the Upstash API answered {status}{ReasonPhrase(status)}{after}{said}";
            var wait = retryAfter.HasValue ? $" It asked to wait {Math.Ceiling(retryAfter.Value.TotalSeconds):0} s (Retry-After)." : string.Empty;
            switch (status)
            {
                case 401:
                    return new UpstashAuthenticationException(id,
                        head + " The email or the API key was not accepted: check the account email and the Developer API key (from the Upstash console)" +
                        $"; read from the environment, they are {UpstashCredentials.EmailVariable} and {UpstashCredentials.ApiKeyVariable}.",
                        status, errorText, rawBody);
                case 403:
                    return new UpstashAuthorizationException(id,
                        head + " The credentials are valid but may not do this: check the API key's permissions and the team it belongs to.",
                        status, errorText, rawBody);
                case 404:
                    return new UpstashNotFoundException(id, head + " " + OperationAdvice.NotFound(operation), status, errorText, rawBody);
                case 429:
                    return new UpstashRateLimitException(id,
                        head + " Too many requests: the request was not processed." + (wait.Length > 0 ? wait : " Wait before trying again."),
                        status, errorText, retryAfter, rawBody);
                case 503:
                    return new UpstashServerException(id,
                        head + " The service is unavailable: the request was not processed. Try again later." + wait,
                        status, errorText, retryAfter, rawBody);
                case 500 when !operation.IsIdempotent:
                    return new UpstashOutcomeUnknownException(id,
                        head + " The service failed while handling the request. " + OperationAdvice.OutcomeUnknown(operation),
                        UpstashOutcomeUnknownReason.ServerError, status, errorText, rawBody, null);
                case 500:
                    return new UpstashServerException(id, head + " The service failed. The call is safe to repeat later.", status, errorText, retryAfter, rawBody);
                case 400:
                case 405:
                case 406:
                    return new UpstashRequestRejectedException(id,
                        head + " The service rejected the request as sent; this points to a client that no longer matches the API: update the library, or report it.",
                        status, errorText, rawBody);
                default:
                    return new UpstashUnexpectedStatusException(id,
                        head + (status >= 300 && status < 400
                            ? " The service redirected; the client does not send credentials to another address. Set the base address to the final one."
                            : " The API document does not list this status for the operation.") + wait,
                        status, errorText, retryAfter, rawBody);
            }
        }

        /// <summary>
        /// Upstash's error text: a JSON string, or the <c>error</c>/<c>message</c> field of a JSON object, or a short
        /// plain-text body.
        /// </summary>
        /// <remarks>
        /// Never HTML, never a JSON array, never any other field of an object. A byte order mark and surrounding white
        /// space are ignored first, so a body reads the same with or without them.
        /// </remarks>
        internal static string? ExtractErrorText(string? body)
        {
            if (body == null) return null;
            var trimmed = body.Trim().TrimStart('\uFEFF').Trim();
            if (trimmed.Length == 0) return null;
            switch (trimmed[0])
            {
                case '<':
                    return null; // an HTML page says nothing useful and may say too much
                case '{':
                case '[':
                case '"':
                    return ErrorFieldOf(trimmed);
                default:
                    return trimmed.Length <= 500 ? trimmed : null;
            }
        }

        private static string? ErrorFieldOf(string json)
        {
            try
            {
                var token = JToken.Parse(json);
                if (token.Type == JTokenType.String) return (string?)token;
                if (token is JObject obj)
                    foreach (var name in ErrorTextFields)
                        if (obj.TryGetValue(name, StringComparison.OrdinalIgnoreCase, out var value) && value.Type == JTokenType.String)
                            return (string?)value;
                return null;
            }
            catch (JsonException)
            {
                return null; // JSON-looking but broken: quoting it could quote anything
            }
        }

        private static string ReasonPhrase(int status) => status switch
        {
            301 => " Moved Permanently",
            302 => " Found",
            303 => " See Other",
            307 => " Temporary Redirect",
            308 => " Permanent Redirect",
            400 => " Bad Request",
            401 => " Unauthorized",
            403 => " Forbidden",
            404 => " Not Found",
            405 => " Method Not Allowed",
            406 => " Not Acceptable",
            408 => " Request Timeout",
            409 => " Conflict",
            410 => " Gone",
            413 => " Content Too Large",
            415 => " Unsupported Media Type",
            422 => " Unprocessable Content",
            429 => " Too Many Requests",
            500 => " Internal Server Error",
            502 => " Bad Gateway",
            503 => " Service Unavailable",
            504 => " Gateway Timeout",
            _ => string.Empty,
        };
    }
}
