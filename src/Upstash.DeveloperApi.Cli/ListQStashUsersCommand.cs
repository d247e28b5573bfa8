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
    /// <c>list-qstash-users</c>: the account's QStash users (one per region), read-only, so that a pipeline can find the
    /// id that <c>rotate qstash --qstash-id</c> takes.
    /// </summary>
    /// <remarks>
    /// It prints the id, the region and the state of each, and never a secret: the fields it prints are chosen, not
    /// filtered.
    /// </remarks>
    public static class ListQStashUsersCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliEnvironment env)
        {
            var connection = new CliConnectionOptions();
            var format = new Option<string>("--format") { Description = "text (a table) or json (an array of {id, region, state})", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var demo = new Option<bool>("--demo") { Description = "Run against the API document's examples, in process: no account" };

            var command = new Command("list-qstash-users",
                "List the account's QStash users (GET /v2/qstash/users): id, region and state, never a token. Read-only. " +
                "The id is what rotate qstash --qstash-id takes. " + ExitCodes.HelpFor(ExitCodes.Commands.ListQStashUsers))
            {
                format, demo,
            };
            connection.AddTo(command);
            command.SetAction((parsed, ct) => RunAsync(env, parsed.GetValue(connection.Email), parsed.GetValue(connection.ApiKey), parsed.GetValue(connection.EnvFile), parsed.GetValue(format)!,
                parsed.GetValue(demo), parsed.GetValue(connection.BaseUrl), CliConnectionOptions.Seconds(parsed.GetValue(connection.Timeout)), ct));
            return command;
        }

        private static async Task<int> RunAsync(CliEnvironment env, string? email, string? apiKey, string? envFile, string format, bool demo, string? baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
        {
            try
            {
                CliConnectionOptions.RefuseWithDemo(demo, email, apiKey, envFile, baseUrl);
                var baseAddress = CliConnectionOptions.CheckedBaseAddress(baseUrl);

                using var api = demo ? CliClient.ForDemo(env, timeout) : CliClient.Real(CliCredentials.Resolve(env, email, apiKey, envFile), baseAddress, timeout);
                IReadOnlyList<QStashUser> users;
                try
                {
                    users = await api.Client.QStash.ListQStashUsersAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (UpstashConfigurationException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    return ExitCodes.Configuration;
                }
                catch (UpstashApiException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    return ExitCodes.For(ex);
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

        /// <summary>The printed fields of a user (null where the service sent none that could be read): chosen one by one, so a secret can never slip in.</summary>
        private static (string? Id, string? Region, string? State) Row(QStashUser user) =>
            (Printable(user.Id), Printable(user.Region?.ToString()), Printable(user.State?.ToString()));

        /// <summary>A value as one line of plain text: control characters (a forged line break) are dropped.</summary>
        private static string? Printable(string? value) => value == null ? null : CliOutput.Printable(value);

        /// <summary>The text table shows a value that could not be read as <c>-</c>; JSON gives it as null.</summary>
        private static string Cell(string? value) => value ?? "-";

        private static string Text(IReadOnlyList<QStashUser> users)
        {
            var rows = users.Select(Row).Select(r => (Id: Cell(r.Id), Region: Cell(r.Region), State: Cell(r.State))).ToList();
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
