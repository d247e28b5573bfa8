using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>The command tree of upstash-qstash (System.CommandLine).</summary>
    public static class CliApp
    {
        /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
        /// <param name="args">The command line.</param>
        /// <param name="env">Streams, variables and working directory.</param>
        /// <param name="cancellationToken">Cancelled by Ctrl+C or SIGTERM (System.CommandLine wires it in a real process).</param>
        public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
        {
            var root = new RootCommand("upstash-qstash: reset (rotate) the QStash token of an Upstash account through the Upstash Developer API, and check the API against its document.\n" + ExitCodes.Table)
            {
                RotateTokenCommand.Create(env),
                ListQStashUsersCommand.Create(env),
                DriftCheckCommand.Create(env),
                VerifyContractCommand.Create(env),
            };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var message in ParseErrorText.Describe(parsed, args, root)) CliOutput.Message(env, "error: " + message);
                CliOutput.Message(env, "Run 'upstash-qstash --help' for usage.");
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

    /// <summary>
    /// Parse errors without the values the user typed: a mistyped option is followed by its value, and
    /// that value may be the API key (<c>--api_key k3y…</c>), so only option names are ever quoted.
    /// </summary>
    internal static class ParseErrorText
    {
        public static IEnumerable<string> Describe(ParseResult parsed, IReadOnlyList<string> args, Command root)
        {
            var known = KnownNames(root);
            foreach (var error in parsed.Errors)
            {
                var message = error.Message;
                foreach (var arg in args.Distinct().OrderByDescending(a => a.Length))
                {
                    if (known.Contains(arg)) continue;
                    message = message.Replace($"'{arg}'", $"'{Safe(arg)}'");
                }
                var unknownOption = args.FirstOrDefault(a => a.StartsWith("-", StringComparison.Ordinal) && !known.Contains(a) && message.Contains($"'{Safe(a)}'"));
                if (unknownOption != null && Suggest(Safe(unknownOption).Split('=')[0], known) is string suggestion)
                    message += $" Did you mean {suggestion}?";
                yield return message;
            }
        }

        /// <summary>An option word is shown (without any value after '='); anything else is a value and is not.</summary>
        private static string Safe(string arg)
        {
            if (!arg.StartsWith("-", StringComparison.Ordinal)) return "***";
            var eq = arg.IndexOf('=');
            return eq < 0 ? arg : arg.Substring(0, eq) + "=***";
        }

        private static string? Suggest(string word, HashSet<string> known)
        {
            var wanted = Normalize(word);
            return known.Where(k => k.StartsWith("--", StringComparison.Ordinal)).FirstOrDefault(k => Normalize(k) == wanted);
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
