using System.Net.Http;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Serialization;

namespace Upstash.DeveloperApi
{
    // Hand-written: reading a success body (called from build/templates/Client.Class.ProcessResponse.liquid).
    // A token reset's 200 holds the only copy of the new credentials, so this reader keeps every
    // field it can and never puts the body into a message: it is reachable from code alone
    // (UpstashApiException.GetRawResponseBody()). The transport has already read the body, within
    // the timeout and the size limit (UpstashHttpPipeline).
    public partial class QStashClient
    {
        private T ReadSuccessResponse<T>(string operationId, HttpResponseMessage response)
            where T : class
        {
            var status = (int)response.StatusCode;
            var body = response.Content as BufferedContent ?? BufferedContent.Empty(null);
            var result = TolerantJson.Read<T>(body, TolerantJson.Serializer, out var problem);
            if (result == null)
            {
                var reason = body.Length > 0 && !body.IsJsonMediaType ? $"the body is '{SafeMediaType(body)}', not JSON" : problem ?? "the body is not a JSON object";
                throw Unreadable(operationId, status, reason, body);
            }
            if (result is ICarriesCredentials carrier && !carrier.HasCredentials)
                throw Unreadable(operationId, status, "the body has no token", body);
            if (!body.IsJsonMediaType && result is IReadIssueSink sink)
                sink.AddReadIssue($"the content type was '{SafeMediaType(body)}', not application/json.");
            return result;
        }

        private UpstashUnreadableResponseException Unreadable(string operationId, int status, string reason, BufferedContent body)
        {
            var exception = UpstashHttpPipeline.UnreadableSuccess(operationId, status, reason, body.Text(), null);
            _httpClient.Log?.CallFailed(exception);
            return exception;
        }

        private static string SafeMediaType(BufferedContent body) => Redaction.SanitizeServerText(body.MediaType, null, 60) ?? "none";
    }
}
