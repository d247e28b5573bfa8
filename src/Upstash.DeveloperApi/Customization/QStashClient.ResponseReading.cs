using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Serialization;

namespace Upstash.DeveloperApi
{
    // Hand-written: reading a success body (called from build/templates/Client.Class.ProcessResponse.liquid).
    // A token reset's 200 holds the only copy of the new credentials, so this reader keeps every
    // field it can, bounds the body's size and the time to read it, and never puts the body into a
    // message: it is reachable from code alone (UpstashApiException.GetRawResponseBody()).
    public partial class QStashClient
    {
        private async Task<T> ReadSuccessResponseAsync<T>(string operationId, HttpResponseMessage response, CancellationToken cancellationToken)
            where T : class
        {
            var status = (int)response.StatusCode;
            using (var timeout = UpstashHttpPipeline.TakeReadTimeout(response))
            {
                ResponseBody body;
                try
                {
                    body = await ResponseBody.ReadAsync(response.Content, _httpClient.Options.MaxResponseBytes, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw Unreadable(operationId, status, "the body did not arrive within the timeout", null, ex);
                }
                catch (ResponseTooLargeException ex)
                {
                    throw Unreadable(operationId, status, $"the body is larger than {ex.Limit} bytes (QStashClientOptions.MaxResponseBytes)", null, null);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
                {
                    throw Unreadable(operationId, status, "the connection broke while the body was being read", null, ex);
                }

                using (body)
                {
                    var result = TolerantJson.Read<T>(body, TolerantJson.Serializer, out var problem);
                    if (result == null)
                    {
                        var reason = body.Length > 0 && !body.IsJsonMediaType ? $"the body is '{SafeMediaType(body)}', not JSON" : problem ?? "the body is not a JSON object";
                        throw Unreadable(operationId, status, reason, body.Text(), null);
                    }
                    if (result is ICarriesCredentials carrier && !carrier.HasCredentials)
                        throw Unreadable(operationId, status, "the body has no token", body.Text(), null);
                    if (!body.IsJsonMediaType && result is IReadIssueSink sink)
                        sink.AddReadIssue($"the content type was '{SafeMediaType(body)}', not application/json.");
                    return result;
                }
            }
        }

        private UpstashUnreadableResponseException Unreadable(string operationId, int status, string reason, string? rawBody, Exception? cause)
        {
            var exception = new UpstashUnreadableResponseException(operationId,
                $"{operationId}: the Upstash API answered {status} (success), but the response could not be read: {reason}. " +
                "For a token reset this means the token HAS been rotated and the new one is not in this response: " +
                "get it from the Upstash console. (The raw body is available from GetRawResponseBody(), never from this message.)",
                status, rawBody, Redaction.SafeInner(cause));
            _httpClient.Log?.CallFailed(exception);
            return exception;
        }

        private static string SafeMediaType(ResponseBody body) => Redaction.SanitizeServerText(body.MediaType, null, 60) ?? "none";
    }
}
