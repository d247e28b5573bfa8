using System;
using System.Diagnostics;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The options of
    /// <see cref="Microsoft.Extensions.DependencyInjection.UpstashServiceCollectionExtensions.AddUpstashDeveloperApi(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{UpstashOptions})"/>:
    /// the client options (<see cref="UpstashClientOptions"/>, under the same names) and the account's credentials, bound
    /// from the configuration section <c>Upstash</c>.
    /// </summary>
    /// <remarks>
    /// <see cref="Email"/> and <see cref="ApiKey"/> fall back to <c>UPSTASH_EMAIL</c> and <c>UPSTASH_API_KEY</c>.
    /// Durations are written <c>hh:mm:ss</c> (<c>00:00:30</c>).
    /// </remarks>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class UpstashOptions : UpstashClientOptions
    {
        /// <summary>The configuration section the options are read from.</summary>
        public const string SectionName = "Upstash";

        /// <summary>The account email (<c>Upstash:Email</c>, else <c>UPSTASH_EMAIL</c>).</summary>
        public string? Email { get; set; }

        /// <summary>The Developer API key (<c>Upstash:ApiKey</c>, else <c>UPSTASH_API_KEY</c>).</summary>
        /// <remarks>Never logged or printed.</remarks>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? ApiKey { get; set; }

        /// <summary>What a configuration section held that cannot be bound (a duration given as a bare number); the start-up check reports each.</summary>
        internal System.Collections.Generic.List<string> ConfigurationProblems { get; } = new();

        /// <summary>Why a reload's options are not used (null when they are valid): after start-up, an invalid reload passes validation carrying these, so that the options monitor does not throw on every read.</summary>
        internal string? RejectedReload { get; set; }

        /// <summary>The credentials these settings describe.</summary>
        /// <exception cref="ArgumentException">The email or key is missing or malformed.</exception>
        public UpstashCredentials ToCredentials() => new(Email!, ApiKey!);

        /// <summary>Shows the settings with the key masked.</summary>
        public override string ToString() =>
            $"UpstashOptions {{ Email = {Email}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : Redaction.Mask)}, BaseAddress = {BaseAddress}, Timeout = {Timeout}, MaxRetries = {MaxRetries} }}";
    }
}
