using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The whole Upstash Developer API from one object: <c>QStash</c>, <c>Redis</c>, <c>Vector</c> and the other clients
    /// share one HttpClient, one set of credentials and options.
    /// </summary>
    /// <remarks>
    /// Its properties are generated, one per tag of the API document (UpstashClient.g.cs).
    /// Thread-safe: share one instance. Dispose it when done if it created its own HttpClient.</remarks>
    public sealed partial class UpstashClient : IDisposable
    {
        private readonly UpstashClientContext _context;
        private readonly bool _ownsContext;
        private readonly RawClient _raw;

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

        /// <summary>Creates the clients with an <see cref="HttpClient"/> of their own, which follows no redirects.</summary>
        /// <remarks>Dispose this when done.</remarks>
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
            _raw = new RawClient(context);
            CreateClients(context);
        }

        /// <summary>
        /// Sends the GET operation <paramref name="operationId"/> (<c>getDatabase</c>) through the same steps as its
        /// typed method (server, base address, transport security, credentials, User-Agent, timeout, retries) and returns
        /// the answer unread, whatever its status: for checks that hold the service's answers to the API document
        /// (<c>upstash-devapi verify-contract</c>).
        /// </summary>
        /// <remarks>Only GET operations: nothing sent this way changes the account.</remarks>
        /// <param name="operationId">The operationId of a GET operation of the API document the client was generated from.</param>
        /// <param name="pathParameters">A value for each parameter of the operation's path, by name (<c>id</c>); null for none.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The status, media type and body (buffered within <see cref="UpstashClientOptions.MaxResponseBytes"/>).</returns>
        /// <exception cref="ArgumentException">The document has no such operation, it is not a GET, or a path parameter is missing or empty.</exception>
        /// <exception cref="UpstashApiException">No answer: not sent, timed out, the connection lost, or a body larger than the limit.</exception>
        public Task<UpstashRawResponse> SendGetAsync(string operationId, IReadOnlyDictionary<string, string>? pathParameters = null, CancellationToken cancellationToken = default)
        {
            var operation = ApiOperations.Find(operationId ?? throw new ArgumentNullException(nameof(operationId)))
                ?? throw new ArgumentException($"The API document this client was generated from has no operation '{Printable(operationId)}'.", nameof(operationId));
            if (operation.Method != HttpMethod.Get)
                throw new ArgumentException($"'{operation.Id}' is a {operation.Method} operation; only GET operations can be sent unread.", nameof(operationId));
            return _raw.SendGetAsync(operation, pathParameters ?? new Dictionary<string, string>(), cancellationToken);
        }

        private static string Printable(string text) => text.Length > 60 || text.Any(char.IsControl) ? "(an id that is not printable)" : text;

        /// <summary>Releases the <see cref="HttpClient"/> if this created it.</summary>
        public void Dispose()
        {
            if (_ownsContext) _context.Dispose();
        }
    }
}
