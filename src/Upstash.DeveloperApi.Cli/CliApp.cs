using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>The command tree of the tool (System.CommandLine).</summary>
    public static class CliApp
    {
        /// <summary>The command's name (the 1.x package installs the same tool as <c>upstash-qstash</c>).</summary>
        public const string ToolName = "upstash-devapi";

        /// <summary>The command tree, as <see cref="RunAsync"/> parses it.</summary>
        internal static RootCommand Commands(CliEnvironment env) =>
            new RootCommand($"{ToolName}: rotate the credentials of an Upstash account (QStash token, Redis, Vector and Search passwords) through the Upstash Developer API " +
                "into a pipeline's secret store, and check the API against its document.\n" + ExitCodes.Table)
            {
                RotateCommand.Create(env),
                RotateCommand.CreateRotateToken(env),
                ListQStashUsersCommand.Create(env),
                DriftCheckCommand.Create(env),
                VerifyContractCommand.Create(env),
            };

        /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
        /// <param name="args">The command line.</param>
        /// <param name="env">Streams, variables and working directory.</param>
        /// <param name="cancellationToken">Cancelled by Ctrl+C or SIGTERM (System.CommandLine wires it in a real process).</param>
        public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
        {
            var root = Commands(env);
            // No response files: "@name" is a value like any other (an id or a key may start with '@'), never a file to read.
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Errors.Count > 0)
            {
                foreach (var message in ParseErrorText.Describe(parsed, args, root)) CliOutput.Message(env, "error: " + message);
                CliOutput.Message(env, $"Run '{ToolName} --help' for usage.");
                return ExitCodes.Usage;
            }
            // Ctrl+C and SIGTERM cancel the command's token; the command then says what happened (an interrupted rotation
            // has an unknown outcome) and exits 130. Set explicitly: without it the runtime ends the process in silence.
            var config = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(5) };
            try
            {
                return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                CliOutput.Message(env, $"error: the output could not be written ({(ex.InnerException ?? ex).Message}).");
                return ExitCodes.ResultNotWritten;
            }
        }
    }

    /// <summary>Parse errors that quote what the user typed, except whatever may be a secret (see <see cref="SecretArgs"/>), shown as <c>***</c>.</summary>
    /// <remarks>
    /// Everything else (a mistyped command, <c>--format xml</c>) is quoted as typed, without control characters.
    /// </remarks>
    internal static class ParseErrorText
    {
        public static IEnumerable<string> Describe(ParseResult parsed, IReadOnlyList<string> args, Command root)
        {
            var known = KnownNames(root);
            var secretArgs = SecretArgs(args, known);
            foreach (var error in parsed.Errors)
            {
                var message = error.Message;
                foreach (var arg in args.Distinct().OrderByDescending(a => a.Length))
                {
                    var shown = secretArgs.TryGetValue(arg, out var masked) ? masked : Printable(arg);
                    if (shown != arg) message = message.Replace($"'{arg}'", $"'{shown}'");
                }
                // A suggestion for the unknown word this message quotes (never for a masked value).
                var unknown = args.FirstOrDefault(a => !known.Contains(a) && !secretArgs.ContainsKey(a) && message.Contains($"'{Printable(a)}'"))
                    ?? args.FirstOrDefault(a => secretArgs.TryGetValue(a, out var m) && m != "***" && message.Contains($"'{m}'"));
                if (unknown != null && Suggest(unknown.Split('=', ':')[0], known) is string suggestion)
                    message += $" Did you mean {suggestion}?";
                yield return PrintableLines(message);
            }
        }

        /// <summary>The arguments that may be secret values, each with how it is shown.</summary>
        /// <remarks>
        /// The value of an option named like a secret (<c>--api-key K</c>, <c>--api-key=K</c>, <c>"--api-key K"</c> as one
        /// token, <c>api-key=K</c>, <c>UPSTASH_API_KEY=K</c>), and of any option the tool does not know (<c>--key K</c>,
        /// <c>/api-key K</c>: a mistyped name may hide the key); the unknown words that follow such a value (the rest of
        /// an unquoted key with a space in it); and any other unknown word that looks like a credential (long, with
        /// letters and digits: a key given without its option). A mistyped command stays quoted.
        /// </remarks>
        private static Dictionary<string, string> SecretArgs(IReadOnlyList<string> args, ISet<string> known)
        {
            var secret = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                if (known.Contains(arg) && !IsSecretOption(arg)) continue;
                var split = arg.IndexOfAny(new[] { '=', ':', ' ' }); // --api-key=k, --api-key:k, "--api-key k", api-key=k: one token each
                var name = split < 0 ? arg : arg.Substring(0, split);
                var secretName = IsSecretOption(name);
                if (split >= 0 && (secretName || (IsOptionLike(arg) && !known.Contains(name))))
                {
                    secret[arg] = Printable(name) + arg[split] + "***";
                    continue;
                }
                if (IsOptionLike(arg) && (secretName || !known.Contains(name)))
                {
                    // The next word is this option's value: masked, unless it is a word of the tool (a command, an option).
                    if (i + 1 < args.Count && !known.Contains(args[i + 1]) && (secretName || !IsOptionLike(args[i + 1]))) secret[args[++i]] = "***";
                    else continue;
                    while (i + 1 < args.Count && !IsOptionLike(args[i + 1]) && !known.Contains(args[i + 1])) secret[args[++i]] = "***";
                    continue;
                }
                if (!IsOptionLike(arg) && LooksLikeACredential(arg)) secret[arg] = "***";
            }
            return secret;
        }

        /// <summary>A word of at least 16 characters, with letters and digits and no space: the shape of a key, not of a mistyped command.</summary>
        private static bool LooksLikeACredential(string word) =>
            word.Length >= 16 && word.Any(char.IsLetter) && word.Any(char.IsDigit) && !word.Any(char.IsWhiteSpace);

        private static bool IsOptionLike(string arg) => arg.Length > 1 && (arg[0] == '-' || arg[0] == '/');

        /// <summary>An option whose name says it holds a secret: <c>--api-key</c> in any spelling, or a name the library's secret-name rule matches (<c>--password</c>, <c>--token</c>).</summary>
        private static bool IsSecretOption(string name) => Normalize(name) == "apikey" || UpstashSecrets.IsSecretName(name.TrimStart('-'));

        private static string Printable(string text) => CliOutput.Printable(text);

        /// <summary>A parser message may span lines (the choices of --format); its other control characters are dropped.</summary>
        private static string PrintableLines(string text) => string.Join("\n", text.Split('\n').Select(CliOutput.Printable));

        private static string? Suggest(string word, HashSet<string> known)
        {
            var wanted = Normalize(word);
            return known.FirstOrDefault(k => Normalize(k) == wanted)
                ?? (word.StartsWith("-", StringComparison.Ordinal) ? null : known.Where(k => !k.StartsWith("-", StringComparison.Ordinal) && k.Length >= 4).FirstOrDefault(k => k.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(k, StringComparison.Ordinal)));
        }

        private static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

        private static HashSet<string> KnownNames(Command command)
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { command.Name };
            foreach (var alias in command.Aliases) names.Add(alias);
            foreach (var option in command.Options)
            {
                names.Add(option.Name);
                foreach (var alias in option.Aliases) names.Add(alias);
            }
            foreach (var sub in command.Subcommands) names.UnionWith(KnownNames(sub));
            return names;
        }
    }
}
