using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// Where a rotation's new secrets go, checked before anything is sent and written after: standard output (<c>--format
    /// json|env</c>), a file (<c>--output-file</c>, atomic, owner-only), or GitHub Actions (<c>--format github</c>:
    /// <c>::add-mask::</c> lines on standard output, then <c>NAME=value</c> lines appended to <c>$GITHUB_ENV</c>).
    /// </summary>
    /// <remarks>
    /// When a write fails after the rotation, the new secrets go to the controlling terminal, or, when the process has
    /// none, to standard error (<see cref="Fallback"/>).
    /// </remarks>
    internal sealed class RotationOutput
    {
        public const string GitHubEnvVariable = "GITHUB_ENV";

        private readonly CredentialKind _kind;
        private readonly string _format;
        private readonly bool _showSecrets;
        private readonly string? _outputFile;
        private readonly string _prefix;
        private readonly bool _demo;

        public RotationOutput(CredentialKind kind, string format, bool showSecrets, string? outputFile, string? prefix, bool demo, CliEnvironment env)
        {
            _kind = kind;
            _format = format;
            _showSecrets = showSecrets;
            _demo = demo;
            if (prefix != null && (prefix.Length == 0 || !(char.IsLetter(prefix[0]) || prefix[0] == '_') || !prefix.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')))
                throw new CliInputException($"--prefix must be letters, digits and '_', starting with a letter or '_' (it replaces {kind.DefaultPrefix} at the start of every variable name, as in {kind.DefaultPrefix}{kind.Secrets[0].Variable}).", ExitCodes.Usage);
            _prefix = prefix ?? kind.DefaultPrefix;
            if (outputFile != null && format == "github")
                throw new CliInputException("--format github writes to the file named by $GITHUB_ENV; leave out --output-file.", ExitCodes.Usage);
            if (outputFile != null && (outputFile.Trim().Length == 0 || outputFile.Any(char.IsControl)))
                throw new CliInputException("--output-file must be a file path.", ExitCodes.Usage);
            _outputFile = outputFile == null ? null : FinalTarget(Path.GetFullPath(Path.Combine(env.WorkingDirectory, outputFile)));
        }

        /// <summary>Why the chosen output could not keep the new secrets, or null when it can: asked before anything is sent.</summary>
        public string? Problem(CliEnvironment env)
        {
            if (_format == "github")
            {
                var path = env.GetVariable(GitHubEnvVariable);
                if (string.IsNullOrEmpty(path)) return $"--format github appends the new secrets to the file named by ${GitHubEnvVariable}, which is not set (it is set inside a GitHub Actions job)";
                var full = Path.Combine(env.WorkingDirectory, path!);
                if (Directory.Exists(full)) return $"the file named by ${GitHubEnvVariable} cannot be appended to (it is a folder)";
                if (CannotAppend(full) is string reason) return $"the file named by ${GitHubEnvVariable} cannot be appended to ({reason})";
                return env.OutputProblem() is string closed ? $"the masks go to standard output, and {closed}" : null;
            }
            if (_outputFile != null) return CannotReplace(_outputFile) is string reason ? $"--output-file {Quoted(_outputFile)} cannot be written ({reason})" : null;
            if (env.OutputProblem() is string problem) return problem;
            if (_format == "json" && !_showSecrets && !_demo && !env.OutputIsTerminal)
                return "the JSON on standard output masks the new secrets, so this run would keep no copy of them; " +
                       "pass --output-file PATH, --format env, --format github or --show-secrets";
            return null;
        }

        /// <summary>Writes <paramref name="result"/>, the rotation's answer; gives the exit code.</summary>
        /// <remarks>
        /// A secret that cannot be written where it was meant to go is written to the fallback, and the code (20) says
        /// the rotation happened.
        /// </remarks>
        public int Write(CliEnvironment env, object result)
        {
            var secrets = new List<Secret>();
            foreach (var field in _kind.Secrets)
                if (FieldValue(result, field.Field) is { Length: > 0 } value) secrets.Add(new Secret(_prefix + field.Variable, value));
            if (_format != "json" && secrets.Find(s => s.Value.Any(char.IsControl)) is Secret unsafeValue)
            {
                CliOutput.Message(env, $"error: the new {unsafeValue.Name} contains a control character (a line break?), which would let it inject other variables into a KEY=VALUE file such as $GITHUB_ENV. Nothing was written. {Rotated}");
                return ExitCodes.ResultNotWritten;
            }
            var envLines = string.Concat(secrets.Select(s => $"{s.Name}={s.Value}\n"));
            var masks = string.Concat(secrets.Select(s => $"::add-mask::{s.Value}\n"));

            string? failure;
            string where;
            if (_format == "github")
            {
                where = $"${GitHubEnvVariable}";
                if (!CliOutput.TryWrite(env.Out, masks, out var masked)) (where, failure) = ("standard output (the masks)", masked);
                else failure = Append(Path.Combine(env.WorkingDirectory, env.GetVariable(GitHubEnvVariable)!), envLines);
                if (failure == null) CliOutput.Message(env, $"The new secrets were appended to ${GitHubEnvVariable} as {string.Join(", ", secrets.Select(s => s.Name))}, and masked in the job's log.");
            }
            else if (_outputFile != null)
            {
                where = Quoted(_outputFile);
                failure = ReplaceAtomically(_outputFile, _format == "env" ? envLines : Json(result, mask: false));
                if (failure == null) CliOutput.Message(env, $"The new secrets were written to {Quoted(_outputFile)} (readable by its owner only).");
            }
            else
            {
                where = "standard output";
                var mask = _format == "json" && !_showSecrets && (_demo || !env.OutputIsTerminal);
                if (CliOutput.TryWrite(env.Out, _format == "env" ? envLines : Json(result, mask), out var written)) failure = null;
                else failure = written;
            }
            if (failure == null)
            {
                if (_demo) CliOutput.Message(env, "Demo: nothing was rotated; the values are the API document's examples.");
                return ExitCodes.Ok;
            }

            CliOutput.Message(env, $"error: the new secrets could not be written to {where} ({failure}). {Rotated}");
            if (!_demo && secrets.Count > 0) Fallback(env, secrets, github: _format == "github");
            return ExitCodes.ResultNotWritten;
        }

        private string Rotated => _demo
            ? "Demo: nothing was rotated."
            : $"{char.ToUpperInvariant(_kind.What[0])}{_kind.What.Substring(1)} HAS been rotated: the old secret no longer works.";

        /// <summary>
        /// The next safe place for secrets that could not be written: the controlling terminal when the process has one
        /// (a person reads it, and no file or log keeps it), else standard error, which a pipeline's operator reads (and
        /// for <c>--format github</c> masks first, so the job's log shows <c>***</c>).
        /// </summary>
        /// <remarks>Losing the only copy would leave every app of the credential broken until a second rotation.</remarks>
        private void Fallback(CliEnvironment env, IReadOnlyList<Secret> secrets, bool github)
        {
            var text = new StringBuilder();
            if (github) foreach (var s in secrets) text.Append("::add-mask::").Append(s.Value).Append('\n');
            foreach (var s in secrets) text.Append(s.Name).Append('=').Append(s.Value.Any(char.IsControl) ? "(contains a control character; see the console)" : s.Value).Append('\n');
            using var terminal = env.OpenTerminal();
            if (terminal != null && CliOutput.TryWrite(terminal, "The new secrets, shown once:\n" + text, out _))
            {
                CliOutput.Message(env, "The new secrets were shown on the terminal instead.");
                return;
            }
            if (CliOutput.TryWrite(env.Error, "The new secrets, written to standard error instead (there is no terminal):\n" + text, out _)) return;
            CliOutput.Message(env, $"Get the new secrets from the {_kind.Console}.");
        }

        /// <summary>
        /// The string value of the result's field named <paramref name="field"/> in JSON, read from the model's
        /// property of that JSON name: no serializer is started for env and github output (about a tenth of the
        /// tool's start-up when it was).
        /// </summary>
        private static string? FieldValue(object result, string field)
        {
            foreach (var property in result.GetType().GetProperties())
                if (property.PropertyType == typeof(string) && (property.GetCustomAttributes(typeof(JsonPropertyAttribute), true).FirstOrDefault() as JsonPropertyAttribute)?.PropertyName == field)
                    return (string?)property.GetValue(result);
            return null;
        }

        private sealed record Secret(string Name, string Value);

        private static string Json(object result, bool mask)
        {
            var json = JToken.Parse(JsonConvert.SerializeObject(result));
            if (mask) SecretJson.Mask(json);
            return json.ToString(Formatting.Indented) + Environment.NewLine;
        }

        private static string Quoted(string path) => "'" + CliOutput.Printable(path) + "'";

        private static string? CannotAppend(string path)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
                return null;
            }
            catch (Exception ex) when (IsFileError(ex))
            {
                return Reason(ex);
            }
        }

        private static string? Append(string path, string text)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
                var bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
                return null;
            }
            catch (Exception ex) when (IsFileError(ex))
            {
                return Reason(ex);
            }
        }

        /// <summary>A symbolic link's final target (the file it names is replaced, the link kept), or the path itself.</summary>
        private static string FinalTarget(string path)
        {
            try
            {
                var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
                return target == null ? path : Path.GetFullPath(target.FullName);
            }
            catch (Exception ex) when (IsFileError(ex))
            {
                return path;
            }
        }

        /// <summary>
        /// Whether a file can be put in place at <paramref name="path"/>: it is absent or a regular file (never a
        /// device, a named pipe or a socket, which a rename would replace), and its folder takes a new file.
        /// </summary>
        private static string? CannotReplace(string path)
        {
            if (Directory.Exists(path)) return "it is a folder";
            if (File.Exists(path) && FileKind.IsSpecial(path)) return "it is not a regular file (a device, a named pipe or a socket), which a rename would replace";
            var folder = Path.GetDirectoryName(path);
            if (folder == null || !Directory.Exists(folder)) return "its folder does not exist";
            var probe = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.probe");
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write)) { }
                File.Delete(probe);
                return null;
            }
            catch (Exception ex) when (IsFileError(ex))
            {
                return Reason(ex);
            }
        }

        /// <summary>Writes a temporary file beside <paramref name="path"/>, readable by its owner only, flushed to disk, then renames it over <paramref name="path"/>: a reader sees the old file or the whole new one.</summary>
        private static string? ReplaceAtomically(string path, string text)
        {
            var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var stream = new FileStream(temp, options))
                {
                    var bytes = new UTF8Encoding(false).GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, path, overwrite: true);
                return null;
            }
            catch (Exception ex) when (IsFileError(ex))
            {
                try { File.Delete(temp); } catch (Exception cleanup) when (IsFileError(cleanup)) { /* nothing more to do */ }
                return Reason(ex);
            }
        }

        private static bool IsFileError(Exception ex) => ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException;

        private static string Reason(Exception ex) => ex switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException => "its folder does not exist",
            _ => CliOutput.Printable(ex.Message),
        };
    }
}
