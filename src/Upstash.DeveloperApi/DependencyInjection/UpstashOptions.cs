using System;
using System.Diagnostics;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// Settings for <see cref="Microsoft.Extensions.DependencyInjection.UpstashServiceCollectionExtensions.AddUpstashDeveloperApi(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{UpstashOptions})"/>,
    /// bound from the configuration section <c>Upstash</c>. <see cref="Email"/> and <see cref="ApiKey"/> fall back to
    /// <c>UPSTASH_EMAIL</c> and <c>UPSTASH_API_KEY</c>.
    /// </summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class UpstashOptions
    {
        private static readonly UpstashClientOptions Defaults = new();

        /// <summary>The configuration section the options are read from.</summary>
        public const string SectionName = "Upstash";

        /// <summary>The account email (<c>Upstash:Email</c>, else <c>UPSTASH_EMAIL</c>).</summary>
        public string? Email { get; set; }

        /// <summary>The Developer API key (<c>Upstash:ApiKey</c>, else <c>UPSTASH_API_KEY</c>). Never logged or printed.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? ApiKey { get; set; }

        /// <summary>See <see cref="UpstashClientOptions.BaseAddress"/> (<c>Upstash:BaseAddress</c>).</summary>
        public Uri? BaseAddress { get; set; }

        /// <summary>See <see cref="UpstashClientOptions.Timeout"/> (<c>Upstash:Timeout</c>, as <c>hh:mm:ss</c>: <c>00:00:30</c>; a bare number is refused by name).</summary>
        public TimeSpan Timeout { get; set; } = UpstashClientOptions.DefaultTimeout;

        /// <summary>See <see cref="UpstashClientOptions.MaxRetries"/> (<c>Upstash:MaxRetries</c>).</summary>
        public int MaxRetries { get; set; } = Defaults.MaxRetries;

        /// <summary>See <see cref="UpstashClientOptions.MaxRetryDelay"/> (<c>Upstash:MaxRetryDelay</c>, as <c>hh:mm:ss</c>).</summary>
        public TimeSpan MaxRetryDelay { get; set; } = Defaults.MaxRetryDelay;

        /// <summary>See <see cref="UpstashClientOptions.ConnectRetryDelay"/> (<c>Upstash:ConnectRetryDelay</c>, as <c>hh:mm:ss.fff</c>).</summary>
        public TimeSpan ConnectRetryDelay { get; set; } = Defaults.ConnectRetryDelay;

        /// <summary>See <see cref="UpstashClientOptions.MaxResponseBytes"/> (<c>Upstash:MaxResponseBytes</c>).</summary>
        public int MaxResponseBytes { get; set; } = Defaults.MaxResponseBytes;

        /// <summary>The client options these settings describe.</summary>
        public UpstashClientOptions ToClientOptions() => new()
        {
            BaseAddress = BaseAddress,
            Timeout = Timeout,
            MaxRetries = MaxRetries,
            MaxRetryDelay = MaxRetryDelay,
            ConnectRetryDelay = ConnectRetryDelay,
            MaxResponseBytes = MaxResponseBytes,
        };

        /// <summary>What the configuration section held that cannot be bound (a duration given as a bare number); the start-up check reports each.</summary>
        internal System.Collections.Generic.List<string> ConfigurationProblems { get; } = new();

        /// <summary>The credentials these settings describe.</summary>
        /// <exception cref="ArgumentException">The email or key is missing or malformed.</exception>
        public UpstashCredentials ToCredentials() => new(Email!, ApiKey!);

        /// <summary>Shows the settings with the key masked.</summary>
        public override string ToString() =>
            $"UpstashOptions {{ Email = {Email}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : Redaction.Mask)}, BaseAddress = {BaseAddress}, Timeout = {Timeout}, MaxRetries = {MaxRetries} }}";
    }
}
