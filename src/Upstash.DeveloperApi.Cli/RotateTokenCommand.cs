using System;
using System.CommandLine;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary><c>upstash-qstash rotate-token</c>.</summary>
    public static class RotateTokenCommand
    {
        private const string RotatedButNotWritten =
            "The token HAS been rotated: the old one no longer works. Get the new token from the Upstash console (QStash).";

        /// <summary>Builds the command.</summary>
        public static Command Create(CliEnvironment env)
        {
            var connection = new CliConnectionOptions();
            var format = new Option<string>("--format") { Description = "json (secrets masked unless --show-secrets) or env (QSTASH_TOKEN=… and QSTASH_PASSWORD=… lines for pipelines: they hold the secrets)", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "env");
            var showSecrets = new Option<bool>("--show-secrets") { Description = "Show the new token and password in the JSON output" };
            var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (rotation breaks every app that uses the old token)" };
            var demo = new Option<bool>("--demo") { Description = "Run against a local mock server that serves the API document's example: no account, no confirmation, no input" };
            var qstashId = new Option<string?>("--qstash-id") { Description = "The QStash user to rotate (POST /v2/qstash/rotate-token/{id}); list-qstash-users gives the ids. Without it: the account's default QStash user, as 1.x did" };

            var command = new Command("rotate-token",
                "Reset the QStash token of a QStash user and print the new credentials. The old token stops working at once. " +
                "With --qstash-id, that user (an account has one per region); without it, the account's default QStash user " +
                "(POST https://api.upstash.com/qstash/user/rotatetoken, as 1.x did). Exit codes: see upstash-qstash --help.")
            {
                qstashId,
            };
            connection.AddTo(command);
            foreach (var option in new Option[] { format, showSecrets, yes, demo }) command.Options.Add(option);
            command.SetAction((parsed, ct) => RunAsync(env, new Settings(
                parsed.GetValue(connection.Email), parsed.GetValue(connection.ApiKey), parsed.GetValue(connection.EnvFile), parsed.GetValue(format)!,
                parsed.GetValue(showSecrets), parsed.GetValue(yes), parsed.GetValue(demo), parsed.GetValue(connection.BaseUrl), parsed.GetValue(connection.Timeout), parsed.GetValue(qstashId)), ct));
            return command;
        }

        private sealed record Settings(string? Email, string? ApiKey, string? EnvFile, string Format, bool ShowSecrets, bool Yes, bool Demo, string? BaseUrl, int TimeoutSeconds, string? QStashId);

        private static async Task<int> RunAsync(CliEnvironment env, Settings settings, CancellationToken cancellationToken)
        {
            var sending = false;
            try
            {
                return await RunCoreAsync(env, settings, () => sending = true, cancellationToken).ConfigureAwait(false);
            }
            catch (CliInputException ex)
            {
                CliOutput.Message(env, "error: " + ex.Message);
                return ex.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                CliOutput.Message(env, sending
                    ? "error: interrupted while the rotation was in flight. The request may have reached Upstash, so the outcome is unknown: " +
                      "the token may already have been rotated. Check the current QStash token in the Upstash console before running this again."
                    : "Not rotated: interrupted before the request was sent.");
                return ExitCodes.Interrupted;
            }
        }

        private static async Task<int> RunCoreAsync(CliEnvironment env, Settings settings, Action markSending, CancellationToken cancellationToken)
        {
            var timeout = CliConnectionOptions.CheckedTimeout(settings.TimeoutSeconds);
            if (settings.QStashId != null && (settings.QStashId.Trim().Length == 0 || settings.QStashId.Any(char.IsControl) || settings.QStashId is "." or ".."))
                throw new CliInputException("--qstash-id must be a QStash user id (list-qstash-users prints them).", ExitCodes.Usage);

            if (settings.Demo)
            {
                var ignored = new[] { ("--base-url", settings.BaseUrl), ("--email", settings.Email), ("--api-key", settings.ApiKey), ("--env-file", settings.EnvFile) }
                    .Where(o => o.Item2 != null).Select(o => o.Item1).ToList();
                if (ignored.Count > 0)
                    throw new CliInputException($"--demo runs against its own local mock server with made-up credentials; leave out {string.Join(", ", ignored)}.", ExitCodes.Usage);
            }

            var baseAddress = CliConnectionOptions.CheckedBaseAddress(settings.BaseUrl);

            DemoServer? demoServer = null;
            try
            {
                UpstashCredentials credentials;
                if (settings.Demo)
                {
                    demoServer = DemoServer.Start();
                    baseAddress = demoServer.BaseAddress;
                    credentials = new UpstashCredentials("demo@example.com", "demo-api-key");
                    CliOutput.Message(env, $"Demo: a mock server on {demoServer.BaseAddress} serves the API document's example. No Upstash account is touched.");
                }
                else
                {
                    credentials = CliCredentials.Resolve(env, settings.Email, settings.ApiKey, settings.EnvFile);
                }

                var options = new QStashClientOptions { BaseAddress = baseAddress, Timeout = timeout };

                if (!settings.Demo && !settings.Yes && !await ConfirmAsync(env, credentials, settings.QStashId, cancellationToken).ConfigureAwait(false))
                {
                    CliOutput.Message(env, env.InputIsInteractive
                        ? "Not rotated."
                        : "Not rotated: rotation breaks every app that uses the current token. Pass --yes to confirm when there is no terminal.");
                    return ExitCodes.NotConfirmed;
                }

                using var client = new QStashClient(credentials, options);
                QStashUser user;
                try
                {
                    markSending();
                    user = settings.QStashId == null
                        ? await client.ResetQStashTokenAsync(cancellationToken).ConfigureAwait(false)
                        : await client.ResetQStashTokenAsync(settings.QStashId, cancellationToken).ConfigureAwait(false);
                }
                catch (UpstashConfigurationException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    return ExitCodes.Configuration;
                }
                catch (UpstashApiException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    if (ex.Kind == UpstashErrorKind.Authentication)
                        CliOutput.Message(env, $"hint: check --email and --api-key (or {UpstashCredentials.EmailVariable} and {UpstashCredentials.ApiKeyVariable}, in the environment or in .env).");
                    if (ex.Kind == UpstashErrorKind.NotFound)
                        CliOutput.Message(env, settings.QStashId == null
                            ? "hint: without --qstash-id the tool rotates the account's default QStash user (the id-less call of 1.x), which this account may not have. " +
                              "Pass --qstash-id ID to rotate a QStash user by id; 'upstash-qstash list-qstash-users' prints the ids."
                            : "hint: no QStash user has that --qstash-id in this account; 'upstash-qstash list-qstash-users' prints the ids.");
                    return ExitCodes.For(ex.Kind);
                }

                string text;
                try
                {
                    text = Render(user, settings);
                }
                catch (FormatException ex)
                {
                    CliOutput.Message(env, $"error: {ex.Message} Nothing was printed. {RotatedButNotWritten}");
                    return ExitCodes.ResultNotWritten;
                }
                if (!CliOutput.TryWrite(env.Out, text, out var failure))
                {
                    CliOutput.Message(env, $"error: the new token could not be written to standard output ({failure}). {RotatedButNotWritten}");
                    return ExitCodes.ResultNotWritten;
                }
                foreach (var issue in user.ReadIssues) CliOutput.Message(env, "warning: " + issue);
                return ExitCodes.Ok;
            }
            finally
            {
                demoServer?.Dispose();
            }
        }

        private static async Task<bool> ConfirmAsync(CliEnvironment env, UpstashCredentials credentials, string? qstashId, CancellationToken cancellationToken)
        {
            if (!env.InputIsInteractive) return false;
            var whose = qstashId == null ? $"the default QStash user of {credentials.Email}" : $"QStash user {qstashId} of {credentials.Email}";
            CliOutput.Message(env, $"Rotate the QStash token of {whose}? Every app using the current token stops working. Type 'yes' to continue:");
            // A console read cannot be cancelled; waiting for it can, so Ctrl+C at the prompt ends the command at once.
            var answer = await Task.Run(() => env.In.ReadLine(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            return string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The whole output, built before anything is written.</summary>
        /// <exception cref="FormatException">A value cannot be printed safely as a KEY=VALUE line.</exception>
        private static string Render(QStashUser user, Settings settings)
        {
            if (settings.Format == "env")
            {
                var text = new StringBuilder();
                foreach (var (name, value) in new[] { ("QSTASH_TOKEN", user.Token), ("QSTASH_PASSWORD", user.Password), ("QSTASH_READ_ONLY_TOKEN", user.ReadOnlyToken) })
                {
                    if (value == null) continue;
                    if (value.Any(char.IsControl))
                        throw new FormatException($"the new {name} contains a control character (a line break?), which would let it inject other variables into a KEY=VALUE file such as $GITHUB_ENV.");
                    text.Append(name).Append('=').Append(value).Append('\n');
                }
                return text.ToString();
            }
            var json = JToken.Parse(JsonConvert.SerializeObject(user));
            if (!settings.ShowSecrets) SecretJson.Mask(json);
            return json.ToString(Formatting.Indented) + Environment.NewLine;
        }
    }

    /// <summary>Masks, by the library's rule of secret field names, every secret in a JSON tree.</summary>
    internal static class SecretJson
    {
        public static void Mask(JToken json)
        {
            if (json is not JContainer container) return;
            foreach (var property in container.DescendantsAndSelf().OfType<JProperty>().ToList())
                if (SecretNames.IsSecret(property.Name) && property.Value.Type != JTokenType.Null) property.Value = Redaction.Mask;
        }
    }
}
