using System;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// <c>rotate qstash|redis|vector|search</c>, and <c>rotate-token</c> (1.x's name for <c>rotate qstash</c>).
    /// </summary>
    /// <remarks>
    /// One flow for every kind of credential: check the input and the output, confirm, send exactly one request, write
    /// the new secrets where they are kept. Only <see cref="CredentialKind"/> differs.
    /// </remarks>
    public static class RotateCommand
    {
        /// <summary>The <c>rotate</c> command with one subcommand per kind of credential.</summary>
        public static Command Create(CliEnvironment env)
        {
            var rotate = new Command("rotate",
                "Rotate a credential the Upstash API issues and write the new secret where a pipeline keeps it: " +
                "the QStash token, a Redis database password, a Vector or a Search index's tokens.");
            foreach (var kind in CredentialKind.All) rotate.Subcommands.Add(Create(env, kind, kind.Name));
            return rotate;
        }

        /// <summary><c>rotate-token</c>: <c>rotate qstash</c> under its 1.x name, so 1.x pipelines keep working.</summary>
        public static Command CreateRotateToken(CliEnvironment env) => Create(env, CredentialKind.QStash, "rotate-token");

        private static Command Create(CliEnvironment env, CredentialKind kind, string name)
        {
            var connection = new CliConnectionOptions();
            var id = new Option<string?>(kind.IdOption!) { Description = kind.IdDescription, Required = kind.IdRequired };
            var format = new Option<string>("--format")
            {
                Description = "json (secrets masked unless --show-secrets, or shown once when standard output is a terminal), env (NAME=value lines), " +
                              "or github (::add-mask:: lines on standard output, then NAME=value lines appended to $GITHUB_ENV)",
                DefaultValueFactory = _ => "json",
            };
            format.AcceptOnlyFromAmong("json", "env", "github");
            var showSecrets = new Option<bool>("--show-secrets") { Description = "Show the new secrets in the JSON output" };
            var outputFile = new Option<string?>("--output-file") { Description = "Write the result (json or env, secrets in clear) to this file instead of standard output: atomically (a temporary file, then a rename), readable by its owner only" };
            var prefix = new Option<string?>("--prefix") { Description = $"Start of the variable names of env and github output. Default: {kind.DefaultPrefix} ({string.Join(", ", kind.Secrets.Select(s => kind.DefaultPrefix + s.Variable))})" };
            var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (rotation breaks every app that uses the old secret)" };
            var demo = new Option<bool>("--demo") { Description = "Run against the API document's examples, in process: no account, no confirmation, nothing rotated" };

            var what = name == "rotate-token" ? "Alias of 'rotate qstash' (its 1.x name). " : string.Empty;
            var command = new Command(name,
                what + $"Rotate {kind.What} and write the new secrets. The old ones stop working at once. Exactly one request is sent. " +
                "Before sending, the output is checked: a closed standard output, an unwritable --output-file, a missing $GITHUB_ENV, or JSON " +
                "that would hold the new secrets only masked (standard output not a terminal, no --show-secrets) is refused with nothing sent (exit 21). " +
                "On a terminal the new secrets are shown once. If a write fails after the rotation, the new secrets go to the terminal, or without one to " +
                "standard error, and the exit code is 20. " + ExitCodes.HelpFor(ExitCodes.Commands.Rotate))
            {
                id,
            };
            connection.AddTo(command);
            foreach (var option in new Option[] { format, showSecrets, outputFile, prefix, yes, demo }) command.Options.Add(option);
            command.SetAction((parsed, ct) => RunAsync(env, kind, new Settings(
                parsed.GetValue(connection.Email), parsed.GetValue(connection.ApiKey), parsed.GetValue(connection.EnvFile), parsed.GetValue(format)!,
                parsed.GetValue(showSecrets), parsed.GetValue(yes), parsed.GetValue(demo), parsed.GetValue(connection.BaseUrl), CliConnectionOptions.Seconds(parsed.GetValue(connection.Timeout)),
                parsed.GetValue(id), parsed.GetValue(outputFile), parsed.GetValue(prefix)), ct));
            return command;
        }

        private sealed record Settings(string? Email, string? ApiKey, string? EnvFile, string Format, bool ShowSecrets, bool Yes, bool Demo, string? BaseUrl, TimeSpan Timeout,
            string? Id, string? OutputFile, string? Prefix);

        private static async Task<int> RunAsync(CliEnvironment env, CredentialKind kind, Settings settings, CancellationToken cancellationToken)
        {
            var sending = false;
            try
            {
                return await RunCoreAsync(env, kind, settings, () => sending = true, cancellationToken).ConfigureAwait(false);
            }
            catch (CliInputException ex)
            {
                CliOutput.Message(env, "error: " + ex.Message);
                return ex.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                CliOutput.Message(env, sending
                    ? $"error: interrupted while the rotation was in flight. The request may have reached Upstash, so the outcome is unknown: {kind.What} " +
                      $"may already have been rotated. Check it in the {kind.Console} before running this again."
                    : "Not rotated: interrupted before the request was sent.");
                return ExitCodes.Interrupted;
            }
        }

        private static async Task<int> RunCoreAsync(CliEnvironment env, CredentialKind kind, Settings settings, Action markSending, CancellationToken cancellationToken)
        {
            if (settings.Id != null && (settings.Id.Trim().Length == 0 || settings.Id.Any(char.IsControl) || settings.Id is "." or ".."))
                throw new CliInputException($"{kind.IdOption} must be an id (the list commands and the Upstash console give them).", ExitCodes.Usage);
            CliConnectionOptions.RefuseWithDemo(settings.Demo, settings.Email, settings.ApiKey, settings.EnvFile, settings.BaseUrl);
            var baseAddress = CliConnectionOptions.CheckedBaseAddress(settings.BaseUrl);
            var output = new RotationOutput(kind, settings.Format, settings.ShowSecrets, settings.OutputFile, settings.Prefix, settings.Demo, env);
            var credentials = settings.Demo ? null : CliCredentials.Resolve(env, settings.Email, settings.ApiKey, settings.EnvFile);
            if (output.Problem(env) is string problem)
                throw new CliInputException($"{problem}. Nothing was sent.", ExitCodes.OutputUnavailable);

            if (!settings.Demo && !settings.Yes && !await ConfirmAsync(env, kind, credentials!, settings.Id, cancellationToken).ConfigureAwait(false))
            {
                CliOutput.Message(env, env.InputIsInteractive
                    ? "Not rotated."
                    : "Not rotated: rotation breaks every app that uses the current secret. Pass --yes to confirm when there is no terminal.");
                return ExitCodes.NotConfirmed;
            }

            using var api = settings.Demo ? CliClient.ForDemo(env, settings.Timeout) : CliClient.Real(credentials!, baseAddress, settings.Timeout);
            object result;
            try
            {
                markSending();
                result = await kind.Rotate(api.Client, settings.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (UpstashConfigurationException ex)
            {
                CliOutput.Message(env, "error: " + ex.Message);
                return ExitCodes.Configuration;
            }
            catch (UpstashApiException ex)
            {
                CliOutput.Message(env, "error: " + ex.Message);
                if (ex is UpstashAuthenticationException)
                    CliOutput.Message(env, $"hint: check --email and --api-key (or {UpstashCredentials.EmailVariable} and {UpstashCredentials.ApiKeyVariable}, in the environment or in .env).");
                if (ex is UpstashNotFoundException)
                    CliOutput.Message(env, kind != CredentialKind.QStash ? $"hint: no {kind.Name} resource of this account has that {kind.IdOption}."
                        : settings.Id == null
                            ? "hint: without --qstash-id the tool rotates the account's default QStash user (the id-less call of 1.x), which this account may not have. " +
                              "Pass --qstash-id ID to rotate a QStash user by id; 'list-qstash-users' prints the ids."
                            : "hint: no QStash user has that --qstash-id in this account; 'list-qstash-users' prints the ids.");
                return ExitCodes.For(ex);
            }

            var exit = output.Write(env, result);
            if (result is IReadIssues read)
                foreach (var issue in read.ReadIssues) CliOutput.Message(env, "warning: " + issue);
            return exit;
        }

        private static async Task<bool> ConfirmAsync(CliEnvironment env, CredentialKind kind, UpstashCredentials credentials, string? id, CancellationToken cancellationToken)
        {
            if (!env.InputIsInteractive) return false;
            var whose = id == null ? $"the default QStash user of {credentials.Email}" : $"{kind.IdOption} {id} of {credentials.Email}";
            CliOutput.Message(env, $"Rotate {kind.What} ({whose})? Every app using the current secret stops working. Type 'yes' to continue:");
            // A console read cannot be cancelled; waiting for it can, so Ctrl+C at the prompt ends the command at once.
            var answer = await Task.Run(() => env.In.ReadLine(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            return string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Masks, by the library's rule of secret field names, every secret in a JSON tree.</summary>
    internal static class SecretJson
    {
        public static void Mask(JToken json)
        {
            if (json is not JContainer container) return;
            foreach (var property in container.DescendantsAndSelf().OfType<JProperty>().ToList())
                if (UpstashSecrets.IsSecretName(property.Name) && property.Value.Type != JTokenType.Null) property.Value = UpstashSecrets.Mask;
        }
    }
}
