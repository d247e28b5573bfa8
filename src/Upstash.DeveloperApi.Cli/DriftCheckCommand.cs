using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary><c>upstash-qstash drift-check</c>: compare a captured response with the vendored schema.</summary>
    public static class DriftCheckCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliEnvironment env)
        {
            var file = new Argument<string>("response") { Description = "The captured JSON response: a file, or - for standard input", DefaultValueFactory = _ => "-" };
            var operation = new Option<string>("--operation") { Description = "The operationId whose response it is", DefaultValueFactory = _ => "resetQStashToken" };
            var status = new Option<string>("--status") { Description = "The HTTP status of the response", DefaultValueFactory = _ => "200" };
            var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var spec = new Option<string?>("--spec") { Description = "The API document to check against. Default: the one this tool was built with" };

            var command = new Command("drift-check",
                "Check a response captured from the live API against the vendored schema: unknown fields, missing fields, enum values outside the document, type and format mismatches. " +
                "Exit 0 when clean, 1 when drift is found, 2 on bad input. Values are never printed.")
            {
                file, operation, status, format, spec,
            };
            command.SetAction(parsed => Run(env, parsed.GetValue(file)!, parsed.GetValue(operation)!, parsed.GetValue(status)!, parsed.GetValue(format)!, parsed.GetValue(spec)));
            return command;
        }

        private static int Run(CliEnvironment env, string file, string operationId, string status, string format, string? specPath)
        {
            JToken response;
            try
            {
                var text = file == "-" ? env.In.ReadToEnd() : File.ReadAllText(Path.Combine(env.WorkingDirectory, file));
                response = JToken.Parse(text);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                env.Error.WriteLine($"error: cannot read '{file}': {ex.GetType().Name}");
                return ExitCodes.Usage;
            }
            catch (JsonReaderException ex)
            {
                env.Error.WriteLine($"error: '{file}' is not JSON (line {ex.LineNumber}, position {ex.LinePosition}).");
                return ExitCodes.Usage;
            }

            System.Collections.Generic.IReadOnlyList<SpecFinding> findings;
            try
            {
                var document = EmbeddedDocument.LoadFrom(specPath == null ? null : Path.Combine(env.WorkingDirectory, specPath));
                findings = DriftChecker.Check(document, operationId, status, response);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is OpenApiLoadException || ex is IOException)
            {
                env.Error.WriteLine("error: " + ex.Message);
                return ExitCodes.Usage;
            }

            if (format == "json")
            {
                env.Out.WriteLine(new JObject
                {
                    ["operation"] = operationId,
                    ["status"] = status,
                    ["clean"] = findings.Count == 0,
                    ["findings"] = new JArray(findings.Select(f => new JObject { ["kind"] = f.Rule, ["path"] = f.Path, ["message"] = f.Message })),
                }.ToString(Formatting.Indented));
            }
            else if (findings.Count == 0)
            {
                env.Out.WriteLine($"clean: the response matches the schema of {operationId} {status}.");
            }
            else
            {
                foreach (var finding in findings) env.Out.WriteLine($"{finding.Rule,-16} {finding.Path}: {finding.Message}");
                env.Out.WriteLine($"drift: {findings.Count} finding(s) against {operationId} {status}.");
            }
            return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.DriftFound;
        }
    }
}
