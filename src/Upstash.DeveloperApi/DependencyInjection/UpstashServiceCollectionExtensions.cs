using System;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upstash.DeveloperApi;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.DependencyInjection;

using Upstash.DeveloperApi.Http;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers the Upstash Developer API clients with dependency injection.</summary>
    public static class UpstashServiceCollectionExtensions
    {
        /// <summary>The name of the HttpClient the clients send through (IHttpClientFactory).</summary>
        public const string HttpClientName = "Upstash.DeveloperApi";

        /// <summary>
        /// Registers <see cref="UpstashClient"/> (and <see cref="IUpstashClient"/>) and every client of it
        /// (<c>IQStashClient</c>, <c>QStashClient</c>, <c>IRedisClient</c>…) as singletons that send through
        /// IHttpClientFactory's <see cref="HttpClientName"/> client.
        /// </summary>
        /// <remarks>
        /// Options are bound from the configuration section <c>Upstash</c> (<c>Email</c>, <c>ApiKey</c>,
        /// <c>BaseAddress</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>MaxRetryDelay</c>, <c>ConnectRetryDelay</c>,
        /// <c>MaxResponseBytes</c>), with <c>UPSTASH_EMAIL</c>/<c>UPSTASH_API_KEY</c> as fallback, then
        /// <paramref name="configure"/>; they are validated when the host starts, and read again on every call, so a
        /// reloaded API key is used at once; a reload with an invalid value is logged (event 4104) and the last valid
        /// options stay in use.
        /// </remarks>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Changes the options after configuration binding; optional.</param>
        /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
        /// <exception cref="InvalidOperationException">It was called before on <paramref name="services"/>: one registration serves one account.</exception>
        public static IHttpClientBuilder AddUpstashDeveloperApi(this IServiceCollection services, Action<UpstashOptions>? configure = null)
        {
            if (services == null) throw new ArgumentNullException(nameof(services));
            if (services.Any(d => d.ServiceType == typeof(UpstashClient)))
                throw new InvalidOperationException(
                    "AddUpstashDeveloperApi was already called on this service collection. One registration serves one account, " +
                    "and a second one would merge with the first (one team's email with another's address). For a second account, " +
                    "create a client yourself: new UpstashClient(httpClient, credentials, options).");

            var options = services.AddOptions<UpstashOptions>();
            // The configuration is optional: hosts register one, a bare ServiceCollection may not.
            options.Configure<IServiceProvider>((o, provider) =>
            {
                if (provider.GetService<IConfiguration>()?.GetSection(UpstashOptions.SectionName) is IConfigurationSection section)
                    SectionBinding.Bind(section, o);
            });
            options.PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Email)) o.Email = Environment.GetEnvironmentVariable(UpstashCredentials.EmailVariable);
                if (string.IsNullOrWhiteSpace(o.ApiKey)) o.ApiKey = Environment.GetEnvironmentVariable(UpstashCredentials.ApiKeyVariable);
            });
            if (configure != null) options.PostConfigure(configure);
            options.ValidateOnStart();
            // A reloaded configuration (a rotated Upstash:ApiKey, say) reaches IOptionsMonitor, and so the next call.
            services.AddSingleton<IOptionsChangeTokenSource<UpstashOptions>>(provider =>
                provider.GetService<IConfiguration>() is IConfiguration configuration
                    ? new ConfigurationChangeTokenSource<UpstashOptions>(configuration)
                    : new NoChanges());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpstashOptions>, UpstashOptionsValidator>());

            var builder = services.AddHttpClient(HttpClientName)
                .ConfigureHttpClient(http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan) // the options' Timeout applies
                .ConfigurePrimaryHttpMessageHandler(OwnHandler.Create)
                // The factory's own log lines name every request's URI, ids and query included; the library logs each call without them.
                .RemoveAllLoggers();

            // Singletons over a client per call from the factory: nothing transient and disposable is kept by the
            // root provider, handlers still rotate, and IOptionsMonitor gives every call the current settings.
            services.AddSingleton(provider =>
            {
                var factory = provider.GetRequiredService<IHttpClientFactory>();
                var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Upstash.DeveloperApi");
                var validator = provider.GetServices<IValidateOptions<UpstashOptions>>().OfType<UpstashOptionsValidator>().Single();
                var settings = new MonitoredSettings(provider.GetRequiredService<IOptionsMonitor<UpstashOptions>>(), validator);
                return new UpstashClient(UpstashClientContext.FromSources(() => factory.CreateClient(HttpClientName), settings.Current, logger), ownsContext: true);
            });
            services.AddSingleton<IUpstashClient>(provider => provider.GetRequiredService<UpstashClient>());
            UpstashClient.AddClientServices(services);
            return builder;
        }

        /// <summary>Without a configuration there is nothing to reload.</summary>
        private sealed class NoChanges : IOptionsChangeTokenSource<UpstashOptions>
        {
            public string Name => Microsoft.Extensions.Options.Options.DefaultName;

            public Primitives.IChangeToken GetChangeToken() => new Primitives.CancellationChangeToken(System.Threading.CancellationToken.None);
        }
    }
}
