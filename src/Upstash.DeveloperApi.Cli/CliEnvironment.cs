using System;
using System.IO;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>What the CLI reads from and writes to, so tests can run it in-process.</summary>
    /// <param name="In">Standard input (the confirmation prompt, drift-check's "-").</param>
    /// <param name="Out">Standard output: results only.</param>
    /// <param name="Error">Standard error: prompts, progress, errors.</param>
    /// <param name="GetVariable">Reads an environment variable.</param>
    /// <param name="WorkingDirectory">Where the .env file is looked for.</param>
    /// <param name="InputIsInteractive">Whether a person can answer the confirmation prompt.</param>
    public sealed record CliEnvironment(TextReader In, TextWriter Out, TextWriter Error, Func<string, string?> GetVariable, string WorkingDirectory, bool InputIsInteractive)
    {
        /// <summary>The process's console and environment.</summary>
        public static CliEnvironment FromProcess() =>
            new(Console.In, Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), !Console.IsInputRedirected);
    }
}
