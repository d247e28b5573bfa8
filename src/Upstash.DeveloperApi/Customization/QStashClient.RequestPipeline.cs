using System.Net.Http;

namespace Upstash.DeveloperApi
{
    // Hand-written: what runs in every operation right before it is sent. The call comes from the
    // one-line template build/templates/Client.Class.BeforeSend.liquid, which passes the operationId.
    public partial class QStashClient
    {
        private void PrepareOperationRequest(HttpRequestMessage request, string operationId, string relativeUrl)
        {
            var uri = ResolveOperationUri(operationId, relativeUrl);
            EnsureSecureTransport(uri, operationId);
            request.RequestUri = uri;
            ApplyCredentials(request, operationId);
        }
    }
}
