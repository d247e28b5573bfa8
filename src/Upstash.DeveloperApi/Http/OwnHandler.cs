using System.Net.Http;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The handler of the HttpClient the library makes itself (a client without one of yours, and the one
    /// AddUpstashDeveloperApi registers): no redirects (credentials never travel to another host), no cookies
    /// (a cookie the service sets is never sent back: the API is Basic auth), and, where the runtime allows it,
    /// no draining of a body that is given up (a cancelled or stalled read ends at once instead of after the
    /// handler's two-second drain).
    /// </summary>
    internal static class OwnHandler
    {
        public static HttpMessageHandler Create()
        {
#if NET5_0_OR_GREATER
            return new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxResponseDrainSize = 0 };
#else
            return new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
#endif
        }
    }
}
