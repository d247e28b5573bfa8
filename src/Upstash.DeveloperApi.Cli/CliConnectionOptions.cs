using System;
using System.CommandLine;
using System.Linq;

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

        public CliConnectionOptions(string timeoutDescription = "Seconds to wait for the API, a whole number from 1 to 600 (default 30)") =>
            Timeout = new Option<int>("--timeout") { Description = timeoutDescription, DefaultValueFactory = _ => 30, CustomParser = ParseTimeout };

        /// <summary>Whole seconds, 1 to 600; an error names the option and the range (the value is not a secret, so it is quoted, without control characters).</summary>
        private static int ParseTimeout(System.CommandLine.Parsing.ArgumentResult result)
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 && seconds <= 600)
                return seconds;
            result.AddError($"--timeout takes a whole number of seconds from 1 to 600, not '{CliOutput.Printable(text)}'.");
            return 0;
        }

        /// <summary>The parsed <c>--timeout</c> (whole seconds, checked by the parser) as a duration.</summary>
        public static TimeSpan Seconds(int seconds) => TimeSpan.FromSeconds(seconds);

        /// <summary>Adds the options to <paramref name="command"/>.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Email);
            command.Options.Add(ApiKey);
            command.Options.Add(EnvFile);
            command.Options.Add(BaseUrl);
            command.Options.Add(Timeout);
        }

        /// <summary>Refuses the connection options a demo ignores: it answers with the document's examples and made-up credentials.</summary>
        /// <exception cref="CliInputException">One of them was given with --demo.</exception>
        public static void RefuseWithDemo(bool demo, string? email, string? apiKey, string? envFile, string? baseUrl)
        {
            if (!demo) return;
            var given = new[] { ("--base-url", baseUrl), ("--email", email), ("--api-key", apiKey), ("--env-file", envFile) }.Where(o => o.Item2 != null).Select(o => o.Item1).ToList();
            if (given.Count > 0)
                throw new CliInputException($"--demo answers with the API document's examples and made-up credentials; leave out {string.Join(", ", given)}.", ExitCodes.Usage);
        }

        /// <summary>The checked base address, or null for the document's servers.</summary>
        /// <exception cref="CliInputException">It is not an absolute address the client may send credentials to.</exception>
        public static Uri? CheckedBaseAddress(string? baseUrl)
        {
            if (baseUrl == null) return null;
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseAddress))
                throw new CliInputException("--base-url must be an absolute address such as https://api.upstash.com.", ExitCodes.Usage);
            try
            {
                _ = new UpstashClientOptions { BaseAddress = baseAddress }; // the library's rule, checked where it is set
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException("--base-url: " + CliOutput.WithoutParameter(ex), ExitCodes.Usage);
            }
            return baseAddress;
        }
    }
}
