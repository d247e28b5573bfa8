using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Upstash.DeveloperApi.Http;

namespace Upstash.DeveloperApi.Clients
{
    /// <summary>
    /// What the clients of one <see cref="UpstashClient"/> (or of one dependency-injection registration) share: where an
    /// <see cref="HttpClient"/> comes from, the current credentials and options, the transport, the log.
    /// </summary>
    /// <remarks>
    /// Built in one of two ways: from fixed values (the public constructors), or from IHttpClientFactory and
    /// IOptionsMonitor (AddUpstashDeveloperApi), where every call takes the current settings, so a reloaded API key is
    /// used without a restart.
    /// </remarks>
    internal sealed class UpstashClientContext : IDisposable
    {
        private readonly HttpClient? _httpClient;
        private readonly Func<HttpClient>? _httpClientSource;
        private readonly bool _ownsHttpClient;
        private readonly Func<ClientSettings> _settings;

        private UpstashClientContext(HttpClient? httpClient, Func<HttpClient>? httpClientSource, bool ownsHttpClient, Func<ClientSettings> settings, ILogger? logger)
        {
            _httpClient = httpClient;
            _httpClientSource = httpClientSource;
            _ownsHttpClient = ownsHttpClient;
            _settings = settings;
            Log = logger == null ? null : new Diagnostics.UpstashClientLog(logger);
            Pipeline = UpstashPipeline.Create(Log);
        }

        /// <summary>The transport of every call: its stages, composed once (Http/UpstashPipeline.cs).</summary>
        public UpstashPipeline Pipeline { get; }

        /// <summary>The log, or null.</summary>
        public Diagnostics.UpstashClientLog? Log { get; }

        /// <summary>The credentials and options that apply now.</summary>
        public ClientSettings Settings => _settings();

        /// <summary>The <see cref="HttpClient"/> to send the next request through.</summary>
        public HttpClient HttpClient => _httpClient ?? _httpClientSource!();

        /// <summary>Fixed credentials and options over one <see cref="HttpClient"/>.</summary>
        /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
        public static UpstashClientContext Create(HttpClient httpClient, bool ownsHttpClient, UpstashCredentials credentials, UpstashClientOptions? options, ILogger? logger)
        {
            var copy = (options ?? new UpstashClientOptions()).Clone();
            copy.Validate();
            var settings = new ClientSettings(credentials, copy);
            return new UpstashClientContext(httpClient, null, ownsHttpClient, () => settings, logger);
        }

        /// <summary>Fixed credentials and options over an <see cref="HttpClient"/> of the library's own (see <see cref="CreateOwnHttpClient"/>).</summary>
        public static UpstashClientContext CreateOwn(UpstashCredentials credentials, UpstashClientOptions? options, ILogger? logger)
        {
            var http = CreateOwnHttpClient();
            try
            {
                return Create(http, ownsHttpClient: true, credentials, options, logger);
            }
            catch
            {
                http.Dispose(); // an invalid option: the client is never made, so nothing else would dispose it
                throw;
            }
        }

        /// <summary>Settings read anew for every call (from IOptionsMonitor), over clients made per call (by IHttpClientFactory).</summary>
        public static UpstashClientContext FromSources(Func<HttpClient> httpClientSource, Func<ClientSettings> settings, ILogger? logger) =>
            new(null, httpClientSource, ownsHttpClient: false, settings, logger);

        /// <summary>An <see cref="HttpClient"/> of the library's own (<see cref="OwnHandler"/>), with no timeout of its own (the options have one).</summary>
        public static HttpClient CreateOwnHttpClient() =>
            new(OwnHandler.Create(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

        /// <summary>Releases the <see cref="HttpClient"/> when it was created here.</summary>
        public void Dispose()
        {
            if (_ownsHttpClient) _httpClient?.Dispose();
        }
    }

    /// <summary>The credentials and options of a moment; immutable.</summary>
    internal sealed class ClientSettings
    {
        public ClientSettings(UpstashCredentials? credentials, UpstashClientOptions options)
        {
            Credentials = credentials;
            Options = options;
        }

        public UpstashCredentials? Credentials { get; }

        public UpstashClientOptions Options { get; }
    }
}
