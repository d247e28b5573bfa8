using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// <c>upstash-qstash list-qstash-users</c>: the account's QStash users (one per region), read-only, so that a
    /// pipeline can find the id that <c>rotate-token --qstash-id</c> takes. It prints the id, the region and the
    /// state of each, and never a secret: the fields it prints are chosen, not filtered.
    /// </summary>
    public static class ListQStashUsersCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliEnvironment env)
        {
            var email = new Option<string?>("--email") { Description = "Account email. Default: UPSTASH_EMAIL, then UPSTASH_EMAIL in ./.env" };
            var apiKey = new Option<string?>("--api-key") { Description = "Developer API key. Default: UPSTASH_API_KEY, then UPSTASH_API_KEY in ./.env" };
            var envFile = new Option<string?>("--env-file") { Description = "The .env file read last. Default: ./.env when it exists" };
            var format = new Option<string>("--format") { Description = "text (a table) or json (an array of {id, region, state})", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var demo = new Option<bool>("--demo") { Description = "Run against a local mock server that serves the API document's example: no account" };
            var baseUrl = new Option<string?>("--base-url") { Description = "Send to this address instead of the API's (https, or http on loopback)" };
            var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the API, 1 to 600", DefaultValueFactory = _ => 30 };

            var command = new Command("list-qstash-users",
                "List the account's QStash users (GET /v2/qstash/users): id, region and state, never a token. Read-only. " +
                "The id is what rotate-token --qstash-id takes. Exit codes: see upstash-qstash --help.")
            {
                email, apiKey, envFile, format, demo, baseUrl, timeout,
            };
            command.SetAction((parsed, ct) => RunAsync(env, parsed.GetValue(email), parsed.GetValue(apiKey), parsed.GetValue(envFile), parsed.GetValue(format)!,
                parsed.GetValue(demo), parsed.GetValue(baseUrl), parsed.GetValue(timeout), ct));
            return command;
        }

        private static async Task<int> RunAsync(CliEnvironment env, string? email, string? apiKey, string? envFile, string format, bool demo, string? baseUrl, int timeoutSeconds, CancellationToken cancellationToken)
        {
            try
            {
                if (timeoutSeconds <= 0 || timeoutSeconds > 600) throw new CliInputException("--timeout must be between 1 and 600 seconds.", ExitCodes.Usage);
                if (demo && (email ?? apiKey ?? envFile ?? baseUrl) != null)
                    throw new CliInputException("--demo runs against its own local mock server with made-up credentials; leave out --email, --api-key, --env-file and --base-url.", ExitCodes.Usage);
                Uri? baseAddress = null;
                if (baseUrl != null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out baseAddress))
                    throw new CliInputException("--base-url must be an absolute address such as https://api.upstash.com.", ExitCodes.Usage);

                using var demoServer = demo ? DemoServer.Start() : null;
                var credentials = demoServer != null ? new UpstashCredentials("demo@example.com", "demo-api-key") : CliCredentials.Resolve(env, email, apiKey, envFile);
                if (demoServer != null) baseAddress = demoServer.BaseAddress;
                var options = new QStashClientOptions { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
                try
                {
                    options.Validate();
                }
                catch (ArgumentException ex)
                {
                    throw new CliInputException("--base-url: " + ArgumentMessages.WithoutParameter(ex), ExitCodes.Usage);
                }

                using var client = new QStashClient(credentials, options);
                IReadOnlyList<QStashUser> users;
                try
                {
                    users = await client.ListQStashUsersAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (UpstashConfigurationException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    return ExitCodes.Configuration;
                }
                catch (UpstashApiException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    return ExitCodes.For(ex.Kind);
                }

                var text = format == "json" ? Json(users) : Text(users);
                if (!CliOutput.TryWrite(env.Out, text, out var failure))
                    throw new CliInputException($"the list could not be written to standard output ({failure}).", ExitCodes.ResultNotWritten);
                foreach (var issue in ((IReadIssues)users).ReadIssues) CliOutput.Message(env, "warning: " + issue);
                return ExitCodes.Ok;
            }
            catch (CliInputException ex)
            {
                CliOutput.Message(env, "error: " + ex.Message);
                return ex.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                CliOutput.Message(env, "Interrupted.");
                return ExitCodes.Interrupted;
            }
        }

        /// <summary>The printed fields of a user: chosen one by one, so a secret can never slip in.</summary>
        private static (string Id, string Region, string State) Row(QStashUser user) =>
            (Printable(user.Id?.ToString()), Printable(user.Region?.ToString()), Printable(user.State?.ToString()));

        /// <summary>A value as one line of plain text: control characters (a forged line break) are dropped.</summary>
        private static string Printable(string? value) => value == null ? "-" : new string(value.Where(c => !char.IsControl(c)).ToArray());

        private static string Text(IReadOnlyList<QStashUser> users)
        {
            var rows = users.Select(Row).ToList();
            var idWidth = Math.Max(2, rows.Select(r => r.Id.Length).DefaultIfEmpty(0).Max());
            var regionWidth = Math.Max(6, rows.Select(r => r.Region.Length).DefaultIfEmpty(0).Max());
            var text = new StringBuilder();
            text.Append("ID".PadRight(idWidth)).Append("  ").Append("REGION".PadRight(regionWidth)).Append("  STATE").Append(Environment.NewLine);
            foreach (var (id, region, state) in rows)
                text.Append(id.PadRight(idWidth)).Append("  ").Append(region.PadRight(regionWidth)).Append("  ").Append(state).Append(Environment.NewLine);
            if (rows.Count == 0) text.Append("(the account has no QStash user)").Append(Environment.NewLine);
            return text.ToString();
        }

        private static string Json(IReadOnlyList<QStashUser> users) =>
            new JArray(users.Select(Row).Select(r => new JObject { ["id"] = r.Id, ["region"] = r.Region, ["state"] = r.State })).ToString(Formatting.Indented) + Environment.NewLine;
    }
}
