using System.Net.Http;

namespace Upstash.DeveloperApi
{
    // Hand-written: HTTP Basic auth (the document's `basicAuth` security scheme). NSwag generates no
    // authentication; every operation of the document requires basicAuth.
    public partial class QStashClient
    {
        /// <summary>The credentials sent with every call (HTTP Basic: account email and Developer API key).</summary>
        public UpstashCredentials? Credentials { get; set; }

        private void ApplyCredentials(HttpRequestMessage request, string operationId)
        {
            var credentials = Credentials ?? throw new UpstashConfigurationException(
                $"{operationId}: the client has no credentials. Create it with QStashClient(httpClient, credentials) " +
                $"or set {nameof(Credentials)}; UpstashCredentials.FromEnvironment() reads {UpstashCredentials.EmailVariable} and {UpstashCredentials.ApiKeyVariable}.");
            request.Headers.Authorization = credentials.AuthorizationHeader;
        }
    }
}
