using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NSwag;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// <c>verify-contract</c>: a live, read-only check that the service still answers as the vendored document says.
    /// </summary>
    /// <remarks>
    /// It calls every GET operation of the document, and only those, with the user's credentials; path ids come from the
    /// results of the list operations of the same tag (<c>listDatabases</c> gives <c>getDatabase</c> its id). Each
    /// response is checked by the drift check; the report names fields and kinds of drift, never a value.
    /// </remarks>
    public static class VerifyContractCommand
    {
        private const int MaxBodyBytes = 16 * 1024 * 1024;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliEnvironment env)
        {
            var connection = new CliConnectionOptions("Seconds to wait for each answer, 1 to 600");
            var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var spec = new Option<string?>("--spec") { Description = "The API document to check against. Default: the one this tool was built with" };

            var command = new Command("verify-contract",
                "Call every GET operation of the API document with your credentials (never POST, PUT, PATCH or DELETE) and check each answer against the document. " +
                "Each list is fetched once; its items give the ids of the by-id GETs. Values are never printed. " + ExitCodes.HelpFor(ExitCodes.Commands.VerifyContract))
            {
                format, spec,
            };
            connection.AddTo(command);
            command.SetAction(async (parsed, ct) =>
            {
                try
                {
                    return await RunAsync(env, parsed.GetValue(connection.Email), parsed.GetValue(connection.ApiKey), parsed.GetValue(connection.EnvFile), parsed.GetValue(connection.BaseUrl),
                        CliConnectionOptions.Seconds(parsed.GetValue(connection.Timeout)), parsed.GetValue(format)!, parsed.GetValue(spec), ct).ConfigureAwait(false);
                }
                catch (CliInputException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    return ex.ExitCode;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    CliOutput.Message(env, "Interrupted.");
                    return ExitCodes.Interrupted;
                }
            });
            return command;
        }

        private static async Task<int> RunAsync(CliEnvironment env, string? email, string? apiKey, string? envFile, string? baseUrl, TimeSpan timeout, string format, string? specPath, CancellationToken cancellationToken)
        {
            var baseAddress = CliConnectionOptions.CheckedBaseAddress(baseUrl);
            var credentials = CliCredentials.Resolve(env, email, apiKey, envFile);
            var document = specPath == null ? EmbeddedDocument.Load() : DriftCheckCommand.LoadSpec(env, specPath);

            // Through the library's own steps (servers, base address, transport security, credentials, User-Agent,
            // timeout): the check sends what the client sends. GET operations only, one attempt each.
            using var upstash = new UpstashClient(credentials, new UpstashClientOptions
            {
                BaseAddress = baseAddress, Timeout = timeout, MaxRetries = 0, MaxResponseBytes = MaxBodyBytes,
            });
            var probe = new Probe(upstash, document, cancellationToken);
            var results = new List<OperationResult>();
            foreach (var operation in document.Operations.Where(o => o.Method == "get"))
                results.Add(await probe.CheckAsync(operation).ConfigureAwait(false));

            var text = format == "json" ? Json(results) : Text(results);
            if (!CliOutput.TryWrite(env.Out, text, out var failure))
                throw new CliInputException($"the report could not be written to standard output ({failure}).", ExitCodes.ResultNotWritten);
            // A check that could not run says why by its code, before drift does: the key, the permission, the connection.
            if (results.Any(r => r.Status == 401))
            {
                CliOutput.Message(env, $"error: the API did not accept the credentials (401). Check --email and --api-key (or {UpstashCredentials.EmailVariable} and {UpstashCredentials.ApiKeyVariable}).");
                return ExitCodes.Authentication;
            }
            if (results.Any(r => r.Status == 403))
            {
                CliOutput.Message(env, "error: the API refused the key (403): it may not read everything the check reads.");
                return ExitCodes.Authorization;
            }
            if (results.Any(r => r.NotSent))
            {
                CliOutput.Message(env, "error: requests could not be sent (no DNS, connection refused or TLS failed); nothing was checked for those. Safe to retry.");
                return ExitCodes.ConnectionFailed;
            }
            return results.Any(r => r.Outcome is Outcomes.Drift or Outcomes.UnexpectedStatus or Outcomes.Failed) ? ExitCodes.DriftFound : ExitCodes.Ok;
        }

        private static string Text(IReadOnlyList<OperationResult> results)
        {
            var text = new StringBuilder();
            foreach (var result in results)
            {
                text.Append($"{result.Outcome,-17} {result.OperationId}");
                if (result.Detail != null) text.Append(": ").Append(result.Detail);
                text.Append(Environment.NewLine);
                foreach (var finding in result.Findings) text.Append($"    {finding.Rule,-16} {finding.Path}: {finding.Message}{Environment.NewLine}");
            }
            text.Append($"{results.Count(r => r.Outcome == Outcomes.Conforms)} conform, {results.Count(r => r.Outcome == Outcomes.Drift)} drift, " +
                        $"{results.Count(r => r.Outcome == Outcomes.UnexpectedStatus)} unexpected status, {results.Count(r => r.Outcome == Outcomes.Failed)} failed, " +
                        $"{results.Count(r => r.Outcome == Outcomes.Skipped)} skipped, of {results.Count} GET operations.{Environment.NewLine}");
            return text.ToString();
        }

        private static string Json(IReadOnlyList<OperationResult> results) =>
            new JObject
            {
                ["conforms"] = results.All(r => r.Outcome is Outcomes.Conforms or Outcomes.Skipped),
                ["operations"] = new JArray(results.Select(r => new JObject
                {
                    ["operation"] = r.OperationId,
                    ["outcome"] = r.Outcome,
                    ["status"] = r.Status,
                    ["detail"] = r.Detail,
                    ["findings"] = new JArray(r.Findings.Select(f => new JObject { ["kind"] = f.Rule, ["path"] = f.Path, ["message"] = f.Message })),
                })),
            }.ToString(Formatting.Indented) + Environment.NewLine;

        /// <summary>The outcomes, as the report names them.</summary>
        internal static class Outcomes
        {
            public const string Conforms = "conforms";
            public const string Drift = "drift";
            public const string UnexpectedStatus = "unexpected-status";
            public const string Skipped = "skipped";
            public const string Failed = "failed";
        }

        internal sealed record OperationResult(string OperationId, string Outcome, int? Status, string? Detail, IReadOnlyList<SpecFinding> Findings, bool NotSent = false);

        /// <summary>What one GET gave: a status and JSON, or why not (and whether it was never sent, or the client has no such operation).</summary>
        private sealed record Fetched(int? Status, JToken? Json, string? Failure, bool NotSent, bool Unknown = false);

        /// <summary>Sends the GETs (each parameterless one once: its answer is checked and gives the ids), checks every answer.</summary>
        private sealed class Probe
        {
            private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

            private readonly UpstashClient _upstash;
            private readonly OpenApiDocument _document;
            private readonly CancellationToken _cancellationToken;
            private readonly Dictionary<string, Fetched> _parameterless = new(StringComparer.Ordinal);

            public Probe(UpstashClient upstash, OpenApiDocument document, CancellationToken cancellationToken)
            {
                _upstash = upstash;
                _document = document;
                _cancellationToken = cancellationToken;
            }

            public async Task<OperationResult> CheckAsync(OpenApiOperationDescription operation)
            {
                var id = operation.Operation.OperationId;
                if (operation.Operation.ActualParameters.Any(p => p.Kind == OpenApiParameterKind.Query && p.IsRequired))
                    return new(id, Outcomes.Skipped, null, "it has a required query parameter, whose value cannot be guessed", Array.Empty<SpecFinding>());
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var parameter in operation.Operation.ActualParameters.Where(p => p.Kind == OpenApiParameterKind.Path))
                {
                    var (value, why) = await IdForAsync(operation, parameter.Name).ConfigureAwait(false);
                    if (value == null) return new(id, Outcomes.Skipped, null, why, Array.Empty<SpecFinding>());
                    values[parameter.Name] = value;
                }
                var fetched = await FetchAsync(operation, values).ConfigureAwait(false);
                var status = fetched.Status;
                if (fetched.Unknown) return new(id, Outcomes.Skipped, null, fetched.Failure, Array.Empty<SpecFinding>());
                if (fetched.Failure != null) return new(id, Outcomes.Failed, status, fetched.Failure, Array.Empty<SpecFinding>(), fetched.NotSent);
                if (!operation.Operation.ActualResponses.ContainsKey(status!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) || status < 200 || status >= 300)
                    return new(id, Outcomes.UnexpectedStatus, status, $"answered {status}, which the document does not list as a success", Array.Empty<SpecFinding>());
                var findings = DriftChecker.Check(_document, id, status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), fetched.Json!);
                return new(id, findings.Count == 0 ? Outcomes.Conforms : Outcomes.Drift, status, null, findings);
            }

            /// <summary>A GET; a parameterless one is sent once, and its answer kept for the check and for the ids.</summary>
            private async Task<Fetched> FetchAsync(OpenApiOperationDescription operation, IReadOnlyDictionary<string, string> values)
            {
                var parameterless = !operation.Operation.ActualParameters.Any(p => p.Kind == OpenApiParameterKind.Path);
                if (parameterless && _parameterless.TryGetValue(operation.Operation.OperationId, out var known)) return known;
                var fetched = await GetAsync(operation, values).ConfigureAwait(false);
                if (parameterless) _parameterless[operation.Operation.OperationId] = fetched;
                return fetched;
            }

            /// <summary>
            /// A value for path parameter <paramref name="name"/>: from the first item of a list operation of
            /// the same tag (fetched once), its field named <paramref name="name"/>, else (for <c>id</c>) its
            /// <c>id</c> or <c>{resource}_id</c> field (<c>database_id</c> for <c>listDatabases</c>); or why there is none.
            /// </summary>
            private async Task<(string? Value, string Why)> IdForAsync(OpenApiOperationDescription operation, string name)
            {
                var tag = operation.Operation.Tags?.FirstOrDefault();
                var lists = _document.Operations.Where(o => o.Method == "get" && o.Operation.Tags?.FirstOrDefault() == tag
                    && !o.Operation.ActualParameters.Any(p => p.Kind == OpenApiParameterKind.Path || p.IsRequired)
                    && o.Operation.ActualResponses.TryGetValue("200", out var ok) && ok.Content?.Values.FirstOrDefault()?.Schema?.ActualSchema.Type.HasFlag(NJsonSchema.JsonObjectType.Array) == true).ToList();
                if (lists.Count == 0) return (null, $"no list operation of its tag gives a value for '{name}'");
                var reasons = new List<string>();
                foreach (var list in lists)
                {
                    var listId = list.Operation.OperationId;
                    var fetched = await FetchAsync(list, NoValues).ConfigureAwait(false);
                    if (fetched.Failure != null || fetched.Status is not (>= 200 and < 300))
                    {
                        reasons.Add($"{listId} failed ({fetched.Failure ?? $"status {fetched.Status}"})");
                        continue;
                    }
                    if (fetched.Json is not JArray { Count: > 0 } found || found[0] is not JObject first)
                    {
                        reasons.Add($"{listId} gave no items");
                        continue;
                    }
                    var resource = Singular(Resource(listId));
                    var candidates = name == "id" ? new[] { "id", resource + "_id" } : new[] { name };
                    foreach (var candidate in candidates)
                        if (first[candidate] is JValue { Type: JTokenType.String } value && ((string?)value)?.Length > 0) return ((string)value!, string.Empty);
                    reasons.Add($"{listId}'s first item has no {string.Join(" or ", candidates.Select(c => $"'{c}'"))} field");
                }
                return (null, $"no value for '{name}': {string.Join("; ", reasons)}");
            }

            /// <summary>The GET through the client (<see cref="UpstashClient.SendGetAsync"/>): never anything that could change the account.</summary>
            private async Task<Fetched> GetAsync(OpenApiOperationDescription operation, IReadOnlyDictionary<string, string> values)
            {
                UpstashRawResponse answer;
                try
                {
                    answer = await _upstash.SendGetAsync(operation.Operation.OperationId, values, _cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException)
                {
                    return new(null, null, "this tool's client has no such operation (it was generated from another revision of the document)", false, Unknown: true);
                }
                catch (UpstashConfigurationException ex)
                {
                    throw new CliInputException(ex.Message, ExitCodes.Usage);
                }
                catch (UpstashConnectionException ex)
                {
                    return new(null, null, ex.RequestSent ? "no answer: " + FirstSentence(ex.Message) : "the request could not be sent: " + FirstSentence(ex.Message), !ex.RequestSent);
                }
                catch (UpstashUnreadableResponseException ex)
                {
                    return new(ex.StatusCode, null, FirstSentence(ex.Message), false);
                }
                if (answer.Status < 200 || answer.Status >= 300) return new(answer.Status, null, null, false);
                try
                {
                    return new(answer.Status, JsonText.Parse(answer.GetBody()), null, false);
                }
                catch (JsonReaderException ex)
                {
                    return new(answer.Status, null, "the body is not JSON" + JsonText.Where(ex), false);
                }
            }

            /// <summary>A library message up to its first full stop, without the operation's name in front.</summary>
            private static string FirstSentence(string message)
            {
                var colon = message.IndexOf(": ", StringComparison.Ordinal);
                var text = colon > 0 ? message.Substring(colon + 2) : message;
                var stop = text.IndexOf(". ", StringComparison.Ordinal);
                return stop > 0 ? text.Substring(0, stop) : text.TrimEnd('.');
            }

            /// <summary><c>listDatabases</c> → <c>databases</c>; <c>listSearchIndexes</c> → <c>search_indexes</c>.</summary>
            private static string Resource(string listOperationId) =>
                string.Join("_", System.Text.RegularExpressions.Regex.Split(listOperationId, "(?<=[a-z])(?=[A-Z])").Skip(1).Select(w => w.ToLowerInvariant()));

            /// <summary><c>databases</c> → <c>database</c>, <c>search_indexes</c> → <c>search_index</c>, <c>policies</c> → <c>policy</c>.</summary>
            private static string Singular(string word) =>
                word.EndsWith("ies", StringComparison.Ordinal) ? word.Substring(0, word.Length - 3) + "y"
                : new[] { "xes", "ches", "shes", "sses" }.Any(e => word.EndsWith(e, StringComparison.Ordinal)) ? word.Substring(0, word.Length - 2)
                : word.EndsWith("s", StringComparison.Ordinal) ? word.Substring(0, word.Length - 1) : word;
        }
    }
}
