using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary><c>upstash-devapi drift-check</c>: compare a captured response with the vendored schema.</summary>
    public static class DriftCheckCommand
    {
        private const int MaxDepth = 64;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliEnvironment env)
        {
            var file = new Argument<string?>("response") { Description = "The captured JSON response: a file, or - for standard input (the default when input is piped)", Arity = ArgumentArity.ZeroOrOne };
            var operation = new Option<string>("--operation") { Description = "The operationId whose response it is", DefaultValueFactory = _ => "resetDefaultQStashToken" };
            var status = new Option<string>("--status") { Description = "The HTTP status of the response", DefaultValueFactory = _ => "200" };
            var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var spec = new Option<string?>("--spec") { Description = "The API document to check against. Default: the one this tool was built with" };

            var command = new Command("drift-check",
                "Check a response captured from the live API against the vendored schema: unknown fields, missing fields, enum values outside the document, type and format mismatches. " +
                "Values are never printed. " + ExitCodes.HelpFor(ExitCodes.Commands.DriftCheck))
            {
                file, operation, status, format, spec,
            };
            command.SetAction(parsed =>
            {
                try
                {
                    return Run(env, parsed.GetValue(file), parsed.GetValue(operation)!, parsed.GetValue(status)!, parsed.GetValue(format)!, parsed.GetValue(spec));
                }
                catch (CliInputException ex)
                {
                    CliOutput.Message(env, "error: " + ex.Message);
                    return ex.ExitCode;
                }
            });
            return command;
        }

        private static int Run(CliEnvironment env, string? file, string operationId, string status, string format, string? specPath)
        {
            var response = ReadResponse(env, file);
            var document = LoadDocument(env, specPath);

            System.Collections.Generic.IReadOnlyList<SpecFinding> findings;
            try
            {
                findings = DriftChecker.Check(document, operationId, status, response);
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException(CliOutput.WithoutParameter(ex), ExitCodes.Usage);
            }

            string text;
            if (format == "json")
            {
                text = new JObject
                {
                    ["operation"] = operationId,
                    ["status"] = status,
                    ["clean"] = findings.Count == 0,
                    ["findings"] = new JArray(findings.Select(f => new JObject { ["kind"] = f.Rule, ["path"] = f.Path, ["message"] = f.Message })),
                }.ToString(Formatting.Indented) + Environment.NewLine;
            }
            else if (findings.Count == 0)
            {
                text = $"clean: the response matches the schema of {operationId} {status}.{Environment.NewLine}";
            }
            else
            {
                text = string.Concat(findings.Select(f => $"{f.Rule,-16} {f.Path}: {f.Message}{Environment.NewLine}")) +
                       $"drift: {findings.Count} finding(s) against {operationId} {status}.{Environment.NewLine}";
            }
            if (!CliOutput.TryWrite(env.Out, text, out var failure))
                throw new CliInputException($"the result could not be written to standard output ({failure}).", ExitCodes.ResultNotWritten);
            return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.DriftFound;
        }

        private static JToken ReadResponse(CliEnvironment env, string? file)
        {
            string text;
            var name = file ?? "-";
            if (name == "-")
            {
                if (env.InputIsInteractive)
                    throw new CliInputException("give the captured response as a file, or pipe it into standard input (upstash-devapi drift-check - < captured.json).", ExitCodes.Usage);
                text = env.In.ReadToEnd();
                name = "standard input";
            }
            else
            {
                text = ReadFile(env, name, "response");
                name = $"'{name}'";
            }
            if (text.Trim().Length == 0) throw new CliInputException($"{name} is empty, so there is no response to check.", ExitCodes.Usage);
            try
            {
                return JsonText.Parse(text, MaxDepth);
            }
            catch (JsonReaderException ex) when (ex.Message.Contains("MaxDepth"))
            {
                throw new CliInputException($"{name} is JSON nested deeper than {MaxDepth} levels; no API response is, so it was not checked.", ExitCodes.Usage);
            }
            catch (JsonReaderException ex)
            {
                throw new CliInputException($"{name} is not JSON{JsonText.Where(ex)}.", ExitCodes.Usage);
            }
        }

        private static NSwag.OpenApiDocument LoadDocument(CliEnvironment env, string? specPath) =>
            specPath == null ? EmbeddedDocument.Load() : LoadSpec(env, specPath);

        /// <summary>The document named by --spec (with the overlay beside it, if any).</summary>
        /// <exception cref="CliInputException">It is not a readable file or not an OpenAPI document.</exception>
        internal static NSwag.OpenApiDocument LoadSpec(CliEnvironment env, string specPath)
        {
            ReadFile(env, specPath, "--spec");
            try
            {
                return EmbeddedDocument.LoadFrom(Path.Combine(env.WorkingDirectory, specPath));
            }
            catch (Exception ex) when (ex is OpenApiLoadException || ex is SpecTools.Overlay.OverlayException)
            {
                throw new CliInputException("--spec: " + ex.Message, ExitCodes.Usage);
            }
        }

        private static string ReadFile(CliEnvironment env, string name, string what)
        {
            var path = Path.Combine(env.WorkingDirectory, name);
            if (Directory.Exists(path)) throw new CliInputException($"{what}: '{name}' is a folder, not a file.", ExitCodes.Usage);
            if (!File.Exists(path)) throw new CliInputException($"{what}: '{name}': no such file.", ExitCodes.Usage);
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliInputException($"{what}: '{name}' cannot be read ({(ex.InnerException ?? ex).Message}).", ExitCodes.Usage);
            }
        }
    }
}
