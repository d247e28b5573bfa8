using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upstash.DeveloperApi;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers the Upstash Developer API client with dependency injection.</summary>
    public static class UpstashServiceCollectionExtensions
    {
        /// <summary>
        /// Registers <see cref="IQStashClient"/> (and <see cref="QStashClient"/>) as a typed client of
        /// IHttpClientFactory. Options are bound from the configuration section <c>Upstash</c> (<c>Email</c>,
        /// <c>ApiKey</c>, <c>BaseUrl</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>MaxRetryDelay</c>,
        /// <c>ConnectRetryDelay</c>, <c>MaxResponseBytes</c>), with <c>UPSTASH_EMAIL</c>/<c>UPSTASH_API_KEY</c>
        /// as fallback, then <paramref name="configure"/>; they are validated when the host starts.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Changes the options after configuration binding; optional.</param>
        /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
        public static IHttpClientBuilder AddUpstashDeveloperApi(this IServiceCollection services, Action<UpstashOptions>? configure = null)
        {
            if (services == null) throw new ArgumentNullException(nameof(services));

            var options = services.AddOptions<UpstashOptions>();
            // The configuration is optional: hosts register one, a bare ServiceCollection may not.
            options.Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(UpstashOptions.SectionName).Bind(o));
            options.PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Email)) o.Email = Environment.GetEnvironmentVariable(UpstashCredentials.EmailVariable);
                if (string.IsNullOrWhiteSpace(o.ApiKey)) o.ApiKey = Environment.GetEnvironmentVariable(UpstashCredentials.ApiKeyVariable);
            });
            if (configure != null) options.PostConfigure(configure);
            options.ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpstashOptions>, UpstashOptionsValidator>());

            var builder = services.AddHttpClient<IQStashClient, QStashClient>((http, provider) =>
                {
                    var settings = provider.GetRequiredService<IOptions<UpstashOptions>>().Value;
                    var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<QStashClient>();
                    return new QStashClient(http, settings.ToCredentials(), settings.ToClientOptions(), logger);
                })
                .ConfigureHttpClient(http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan) // the client applies Upstash:Timeout
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
            services.TryAddTransient(provider => (QStashClient)provider.GetRequiredService<IQStashClient>());
            return builder;
        }

    }
}
