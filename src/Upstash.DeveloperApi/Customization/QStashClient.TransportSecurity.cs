using System;

namespace Upstash.DeveloperApi
{
    // Hand-written: credentials never travel in clear text. https everywhere; plain http only to a
    // loopback address (tests, local mocks). Redirects: the client's own HttpClient does not follow
    // them, and .NET drops the Authorization header when a handler follows one (see the README).
    public partial class QStashClient
    {
        private static void EnsureSecureTransport(Uri uri, string operationId)
        {
            if (string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)) return;
            if (string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && uri.IsLoopback) return;
            throw new UpstashConfigurationException(
                $"{operationId}: refusing to send Upstash credentials over '{uri.Scheme}' to {uri.Host}. " +
                "Use an https base address; plain http is allowed only for loopback addresses (tests).");
        }
    }
}
