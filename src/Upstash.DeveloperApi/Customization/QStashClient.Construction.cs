using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Upstash.DeveloperApi.Http;

namespace Upstash.DeveloperApi
{
    // Hand-written: how a QStashClient is created and disposed. NSwag generates the constructor that
    // takes the transport (UpstashHttpPipeline); the public constructors here take what a caller has.
    /// <summary>
    /// Client of the QStash operations of the Upstash Developer API. The operations are generated
    /// from openapi/openapi.yml at build time; see <see cref="ResetQStashTokenAsync"/>.
    /// </summary>
    /// <remarks>
    /// Thread-safe: share one instance. Errors are <see cref="UpstashApiException"/> subtypes; secrets
    /// never appear in their messages. The client repeats a call only when the request provably was
    /// not processed (see <see cref="QStashClientOptions.MaxRetries"/>).
    /// </remarks>
    public partial class QStashClient : IDisposable
    {
        /// <summary>Creates a client that sends through <paramref name="httpClient"/> (for example one from IHttpClientFactory).</summary>
        /// <param name="httpClient">The HTTP client; the caller keeps owning it.</param>
        /// <param name="credentials">The account email and Developer API key.</param>
        /// <param name="options">Base address, timeout, retries and limits; null for the defaults. The client keeps a copy.</param>
        /// <param name="logger">Receives one event per call, without secrets; null for none.</param>
        /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="credentials"/> is null.</exception>
        /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
        public QStashClient(HttpClient httpClient, UpstashCredentials credentials, QStashClientOptions? options = null, ILogger? logger = null)
            : this(CreatePipeline(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false, options, logger))
        {
            Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        }

        /// <summary>
        /// Creates a client with an <see cref="HttpClient"/> of its own, which does not follow redirects
        /// (so credentials never travel to another host). Dispose the client when done.
        /// </summary>
        /// <param name="credentials">The account email and Developer API key.</param>
        /// <param name="options">Base address, timeout, retries and limits; null for the defaults. The client keeps a copy.</param>
        /// <param name="logger">Receives one event per call, without secrets; null for none.</param>
        /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
        /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
        public QStashClient(UpstashCredentials credentials, QStashClientOptions? options = null, ILogger? logger = null)
            : this(CreatePipeline(CreateOwnHttpClient(), ownsHttpClient: true, options, logger))
        {
            Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        }

        /// <summary>The options the client was created with (a copy: changing it changes nothing).</summary>
        public QStashClientOptions Options => _httpClient.Options.Clone();

        /// <summary>Releases the <see cref="HttpClient"/> if the client created it; one passed in stays open.</summary>
        public void Dispose() => _httpClient.Dispose();

        internal static HttpClient CreateOwnHttpClient() =>
            new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // the pipeline applies QStashClientOptions.Timeout
            };

        private static UpstashHttpPipeline CreatePipeline(HttpClient httpClient, bool ownsHttpClient, QStashClientOptions? options, ILogger? logger)
        {
            var copy = (options ?? new QStashClientOptions()).Clone();
            copy.Validate();
            return new UpstashHttpPipeline(httpClient, ownsHttpClient, copy)
            {
                Log = logger == null ? null : new Diagnostics.QStashClientLog(logger),
            };
        }
    }
}
