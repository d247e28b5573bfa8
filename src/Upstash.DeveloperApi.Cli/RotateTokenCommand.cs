using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary><c>upstash-qstash rotate-token</c>.</summary>
    public static class RotateTokenCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliEnvironment env)
        {
            var email = new Option<string?>("--email") { Description = "Account email. Default: UPSTASH_EMAIL, then UPSTASH_EMAIL in ./.env" };
            var apiKey = new Option<string?>("--api-key") { Description = "Developer API key. Default: UPSTASH_API_KEY, then UPSTASH_API_KEY in ./.env" };
            var envFile = new Option<string>("--env-file") { Description = "The .env file read last", DefaultValueFactory = _ => ".env" };
            var format = new Option<string>("--format") { Description = "json (secrets masked unless --show-secrets) or env (QSTASH_TOKEN=… and QSTASH_PASSWORD=… lines for pipelines: they hold the secrets)", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "env");
            var showSecrets = new Option<bool>("--show-secrets") { Description = "Show the new token and password in the JSON output" };
            var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (rotation breaks every app that uses the old token)" };
            var demo = new Option<bool>("--demo") { Description = "Run against a local mock server that serves the API document's example: no account, no confirmation, no input" };
            var baseUrl = new Option<string?>("--base-url") { Description = "Send to this address instead of the API's (https, or http on loopback)" };
            var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the API", DefaultValueFactory = _ => 30 };

            var command = new Command("rotate-token", "Reset the QStash token and password of the account and print the new ones. The old token stops working at once. Exit codes: see upstash-qstash --help.")
            {
                email, apiKey, envFile, format, showSecrets, yes, demo, baseUrl, timeout,
            };
            command.SetAction((parsed, ct) => RunAsync(env, new Settings(
                parsed.GetValue(email), parsed.GetValue(apiKey), parsed.GetValue(envFile)!, parsed.GetValue(format)!,
                parsed.GetValue(showSecrets), parsed.GetValue(yes), parsed.GetValue(demo), parsed.GetValue(baseUrl), parsed.GetValue(timeout)), ct));
            return command;
        }

        private sealed record Settings(string? Email, string? ApiKey, string EnvFile, string Format, bool ShowSecrets, bool Yes, bool Demo, string? BaseUrl, int TimeoutSeconds);

        private static async Task<int> RunAsync(CliEnvironment env, Settings settings, CancellationToken cancellationToken)
        {
            if (settings.TimeoutSeconds <= 0 || settings.TimeoutSeconds > 600)
            {
                env.Error.WriteLine("error: --timeout must be between 1 and 600 seconds.");
                return ExitCodes.Usage;
            }

            Uri? baseAddress = null;
            if (settings.BaseUrl != null && !Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out baseAddress))
            {
                env.Error.WriteLine("error: --base-url must be an absolute address such as https://api.upstash.com.");
                return ExitCodes.Usage;
            }

            DemoServer? demoServer = null;
            try
            {
                UpstashCredentials credentials;
                if (settings.Demo)
                {
                    demoServer = DemoServer.Start();
                    baseAddress = demoServer.BaseAddress;
                    credentials = new UpstashCredentials("demo@example.com", "demo-api-key");
                    env.Error.WriteLine($"Demo: a mock server on {demoServer.BaseAddress} serves the API document's example. No Upstash account is touched.");
                }
                else
                {
                    try
                    {
                        credentials = ResolveCredentials(env, settings);
                    }
                    catch (Exception ex) when (ex is UpstashConfigurationException || ex is ArgumentException)
                    {
                        env.Error.WriteLine("error: " + ex.Message);
                        return ExitCodes.Configuration;
                    }
                    if (!settings.Yes && !Confirm(env, credentials))
                    {
                        env.Error.WriteLine(env.InputIsInteractive
                            ? "Not rotated."
                            : "Not rotated: rotation breaks every app that uses the current token. Pass --yes to confirm when there is no terminal.");
                        return ExitCodes.NotConfirmed;
                    }
                }

                var options = new QStashClientOptions { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
                try
                {
                    options.Validate();
                }
                catch (ArgumentException ex)
                {
                    env.Error.WriteLine("error: --base-url: " + ex.Message);
                    return ExitCodes.Usage;
                }

                using var client = new QStashClient(credentials, options);
                QStashUser user;
                try
                {
                    user = await client.ResetQStashTokenAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (UpstashConfigurationException ex)
                {
                    env.Error.WriteLine("error: " + ex.Message);
                    return ExitCodes.Configuration;
                }
                catch (UpstashApiException ex)
                {
                    env.Error.WriteLine("error: " + ex.Message);
                    return ExitCodes.For(ex.Kind);
                }

                Write(env.Out, user, settings);
                foreach (var issue in user.ReadIssues) env.Error.WriteLine("warning: " + issue);
                return ExitCodes.Ok;
            }
            finally
            {
                demoServer?.Dispose();
            }
        }

        private static UpstashCredentials ResolveCredentials(CliEnvironment env, Settings settings)
        {
            var dotEnv = DotEnvFile.Read(Path.Combine(env.WorkingDirectory, settings.EnvFile));
            string? Pick(string? flag, string variable) =>
                !string.IsNullOrWhiteSpace(flag) ? flag
                : !string.IsNullOrWhiteSpace(env.GetVariable(variable)) ? env.GetVariable(variable)
                : dotEnv.TryGetValue(variable, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile) ? fromFile
                : null;
            var email = Pick(settings.Email, UpstashCredentials.EmailVariable);
            var apiKey = Pick(settings.ApiKey, UpstashCredentials.ApiKeyVariable);
            return UpstashCredentials.FromEnvironment(name => name == UpstashCredentials.EmailVariable ? email : name == UpstashCredentials.ApiKeyVariable ? apiKey : null);
        }

        private static bool Confirm(CliEnvironment env, UpstashCredentials credentials)
        {
            if (!env.InputIsInteractive) return false;
            env.Error.Write($"Rotate the QStash token of {credentials.Email}? Every app using the current token stops working. Type 'yes' to continue: ");
            var answer = env.In.ReadLine()?.Trim();
            return string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase);
        }

        private static void Write(TextWriter output, QStashUser user, Settings settings)
        {
            if (settings.Format == "env")
            {
                output.WriteLine("QSTASH_TOKEN=" + user.Token);
                if (user.Password != null) output.WriteLine("QSTASH_PASSWORD=" + user.Password);
                return;
            }
            var json = JObject.Parse(JsonConvert.SerializeObject(user));
            if (!settings.ShowSecrets)
                foreach (var name in new[] { "token", "password" })
                    if (json[name] != null) json[name] = "***";
            output.WriteLine(json.ToString(Formatting.Indented));
        }
    }
}
