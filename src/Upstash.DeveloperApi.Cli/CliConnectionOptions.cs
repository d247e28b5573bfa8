using System;
using System.CommandLine;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>The options of every command that calls the API: credentials, base address and timeout, defined and checked once.</summary>
    internal sealed class CliConnectionOptions
    {
        public Option<string?> Email { get; } = new("--email") { Description = "Account email. Default: UPSTASH_EMAIL, then UPSTASH_EMAIL in ./.env" };

        public Option<string?> ApiKey { get; } = new("--api-key") { Description = "Developer API key. Default: UPSTASH_API_KEY, then UPSTASH_API_KEY in ./.env" };

        public Option<string?> EnvFile { get; } = new("--env-file") { Description = "The .env file read last. Default: ./.env when it exists" };

        public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Send to this address instead of the API's (https, or http on loopback)" };

        public Option<int> Timeout { get; }

        public CliConnectionOptions(string timeoutDescription = "Seconds to wait for the API, 1 to 600") =>
            Timeout = new Option<int>("--timeout") { Description = timeoutDescription, DefaultValueFactory = _ => 30 };

        /// <summary>Adds the options to <paramref name="command"/>.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Email);
            command.Options.Add(ApiKey);
            command.Options.Add(EnvFile);
            command.Options.Add(BaseUrl);
            command.Options.Add(Timeout);
        }

        /// <summary>The checked timeout.</summary>
        /// <exception cref="CliInputException">It is outside 1 to 600 seconds.</exception>
        public static TimeSpan CheckedTimeout(int seconds) =>
            seconds > 0 && seconds <= 600 ? TimeSpan.FromSeconds(seconds) : throw new CliInputException("--timeout must be between 1 and 600 seconds.", ExitCodes.Usage);

        /// <summary>The checked base address, or null for the document's servers.</summary>
        /// <exception cref="CliInputException">It is not an absolute address the client may send credentials to.</exception>
        public static Uri? CheckedBaseAddress(string? baseUrl)
        {
            if (baseUrl == null) return null;
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseAddress))
                throw new CliInputException("--base-url must be an absolute address such as https://api.upstash.com.", ExitCodes.Usage);
            try
            {
                UpstashClientOptions.ValidateBaseAddress(baseAddress);
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException("--base-url: " + ArgumentMessages.WithoutParameter(ex), ExitCodes.Usage);
            }
            return baseAddress;
        }
    }
}
