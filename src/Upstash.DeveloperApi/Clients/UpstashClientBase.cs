using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Upstash.DeveloperApi.Clients
{
    /// <summary>
    /// The base of every generated client (<c>QStashClient</c>, <c>RedisClient</c>…; nswag.json
    /// names it as <c>clientBaseClass</c>). It holds what a client is configured with; its other parts apply
    /// every concern of a call, once, for every operation: see <c>UpstashClientBase.Send.cs</c>.
    /// </summary>
    /// <remarks>Thread-safe: share one instance. You do not derive from it; the generated clients do.</remarks>
    public abstract partial class UpstashClientBase : IDisposable
    {
        private readonly UpstashClientContext _context;
        private readonly bool _ownsContext;
        private UpstashCredentials? _credentials;
        private bool _credentialsSet;
        private Uri? _baseAddress;
        private bool _baseAddressSet;

        private protected UpstashClientBase(HttpClient httpClient, UpstashCredentials credentials, UpstashClientOptions? options, ILogger? logger)
            : this(UpstashClientContext.Create(
                httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false,
                credentials ?? throw new ArgumentNullException(nameof(credentials)), options, logger), ownsContext: true)
        {
        }

        private protected UpstashClientBase(UpstashCredentials credentials, UpstashClientOptions? options, ILogger? logger)
            : this(UpstashClientContext.CreateOwn(credentials ?? throw new ArgumentNullException(nameof(credentials)), options, logger), ownsContext: true)
        {
        }

        private protected UpstashClientBase(UpstashClientContext context)
            : this(context, ownsContext: false)
        {
        }

        private UpstashClientBase(UpstashClientContext context, bool ownsContext)
        {
            _context = context;
            _ownsContext = ownsContext;
        }

        internal UpstashClientContext Context => _context;

        /// <summary>The credentials sent with every call (HTTP Basic: account email and Developer API key). Setting them affects this client only; null leaves it without any.</summary>
        public UpstashCredentials? Credentials
        {
            get => _credentialsSet ? _credentials : _context.Settings.Credentials;
            set
            {
                _credentials = value;
                _credentialsSet = true;
            }
        }

        /// <summary>
        /// Replaces scheme, host and port of the document's servers (see <see cref="UpstashClientOptions.BaseAddress"/>) for
        /// this client; each operation keeps its own path. Null uses the document's servers, or
        /// <see cref="HttpClient.BaseAddress"/> when that is set.
        /// </summary>
        /// <exception cref="ArgumentException">The address is not an absolute http(s) address, or has a query, fragment or user info.</exception>
        public Uri? BaseAddress
        {
            get => _baseAddressSet ? _baseAddress : _context.Settings.Options.BaseAddress;
            set
            {
                UpstashClientOptions.ValidateBaseAddress(value);
                _baseAddress = value;
                _baseAddressSet = true;
            }
        }

        /// <summary>The options that apply to this client (a copy: changing it changes nothing).</summary>
        public UpstashClientOptions Options
        {
            get
            {
                var copy = _context.Settings.Options.Clone();
                copy.BaseAddress = BaseAddress;
                return copy;
            }
        }

        /// <summary>Releases the <see cref="HttpClient"/> if the client created it; one passed in stays open, and a client of an <see cref="UpstashClient"/> leaves that to it.</summary>
        public void Dispose()
        {
            if (_ownsContext) _context.Dispose();
        }
    }
}
