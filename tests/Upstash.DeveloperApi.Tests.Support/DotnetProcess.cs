using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>Runs the dotnet CLI (or a .dll with it) as a child process, bounded in time, capturing its output.</summary>
    public static class DotnetProcess
    {
        /// <param name="workingDirectory">Where the process runs.</param>
        /// <param name="args">Its arguments.</param>
        /// <param name="environment">Variables to set (a null value removes one).</param>
        /// <param name="minutes">How long it may take.</param>
        /// <param name="executable">Another program than dotnet (an installed tool, say).</param>
        public static async Task<(int Exit, string Output)> RunAsync(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, int minutes = 5, string? executable = null)
        {
            var info = new ProcessStartInfo(executable ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            info.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build nodes left running after the test
            // A child run never inherits what the parent's environment says about the run (UPSTASH_ACCEPT_API=1,
            // a document under test…): it would accept or test something other than what the parent means.
            foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("UPSTASH_", StringComparison.Ordinal)).ToList())
                info.Environment.Remove(name);
            if (environment != null)
                foreach (var (name, value) in environment)
                {
                    if (value == null) info.Environment.Remove(name);
                    else info.Environment[name] = value;
                }
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var finished = process.WaitForExitAsync();
            if (await Task.WhenAny(finished, Task.Delay(TimeSpan.FromMinutes(minutes))) != finished)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"dotnet {string.Join(" ", args)} did not finish in {minutes} minutes");
            }
            return (process.ExitCode, await stdout + await stderr);
        }

        public static string Tail(string text, int length = 4000) => text.Length <= length ? text : text.Substring(text.Length - length);
    }
}
