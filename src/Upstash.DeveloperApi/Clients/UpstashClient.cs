using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Upstash.DeveloperApi.Clients;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The whole Upstash Developer API from one object: <c>QStash</c>, <c>Redis</c>, <c>Vector</c> and the
    /// other clients share one HttpClient, one set of credentials and options.
    /// Its properties are generated, one per tag of the API document (UpstashClient.g.cs).
    /// </summary>
    /// <remarks>Thread-safe: share one instance. Dispose it when done if it created its own HttpClient.</remarks>
    public sealed partial class UpstashClient : IDisposable
    {
        private readonly UpstashClientContext _context;
        private readonly bool _ownsContext;

        /// <summary>Creates the clients over an <see cref="HttpClient"/> you own (for example one from IHttpClientFactory); it stays open when this is disposed.</summary>
        /// <param name="httpClient">The HTTP client to send through.</param>
        /// <param name="credentials">The account email and Developer API key.</param>
        /// <param name="options">Base address, timeout, retries and limits; null for the defaults. A copy is kept.</param>
        /// <param name="logger">Receives one event per call, without secrets; null for none.</param>
        /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="credentials"/> is null.</exception>
        /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
        public UpstashClient(HttpClient httpClient, UpstashCredentials credentials, UpstashClientOptions? options = null, ILogger? logger = null)
            : this(UpstashClientContext.Create(
                httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false,
                credentials ?? throw new ArgumentNullException(nameof(credentials)), options, logger), ownsContext: true)
        {
        }

        /// <summary>Creates the clients with an <see cref="HttpClient"/> of their own, which follows no redirects. Dispose this when done.</summary>
        /// <param name="credentials">The account email and Developer API key.</param>
        /// <param name="options">Base address, timeout, retries and limits; null for the defaults. A copy is kept.</param>
        /// <param name="logger">Receives one event per call, without secrets; null for none.</param>
        /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
        /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
        public UpstashClient(UpstashCredentials credentials, UpstashClientOptions? options = null, ILogger? logger = null)
            : this(UpstashClientContext.CreateOwn(credentials ?? throw new ArgumentNullException(nameof(credentials)), options, logger), ownsContext: true)
        {
        }

        internal UpstashClient(UpstashClientContext context, bool ownsContext)
        {
            _context = context;
            _ownsContext = ownsContext;
            CreateClients(context);
        }

        /// <summary>Releases the <see cref="HttpClient"/> if this created it.</summary>
        public void Dispose()
        {
            if (_ownsContext) _context.Dispose();
        }
    }
}
