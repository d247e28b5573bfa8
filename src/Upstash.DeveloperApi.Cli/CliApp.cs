using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>The command tree of upstash-qstash (System.CommandLine).</summary>
    public static class CliApp
    {
        /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
        public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
        {
            var root = new RootCommand("upstash-qstash: reset (rotate) the QStash token of an Upstash account, through the Upstash Developer API.\n" + ExitCodes.Table)
            {
                RotateTokenCommand.Create(env),
                DriftCheckCommand.Create(env),
            };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) env.Error.WriteLine("error: " + error.Message);
                env.Error.WriteLine("Run 'upstash-qstash --help' for usage.");
                return ExitCodes.Usage;
            }
            var config = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
    }
}
