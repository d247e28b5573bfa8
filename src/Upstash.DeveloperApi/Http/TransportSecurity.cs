using System;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// Credentials never travel in clear text: https everywhere, plain http only to a loopback address (tests, local
    /// mocks).
    /// </summary>
    /// <remarks>
    /// Redirects: the library's own HttpClient does not follow them, and .NET drops the Authorization header when a
    /// handler follows one to another host.
    /// </remarks>
    internal static class TransportSecurity
    {
        /// <exception cref="UpstashConfigurationException">The URI would carry credentials in clear text.</exception>
        public static void Ensure(Uri uri, ApiOperation operation)
        {
            if (string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)) return;
            if (string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && uri.IsLoopback) return;
            throw new UpstashConfigurationException(
                $"{operation.Id}: refusing to send Upstash credentials over '{uri.Scheme}' to {uri.Host}. " +
                "Use an https base address; plain http is allowed only for loopback addresses (tests).");
        }
    }
}
