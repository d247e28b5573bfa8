using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Cli;

namespace Upstash.DeveloperApi.Tests.Cli
{
    /// <summary>Runs upstash-qstash in-process with its own streams, environment and working directory.</summary>
    public sealed class CliRunner
    {
        public Dictionary<string, string?> Variables { get; } = new();

        public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("upstash-cli-").FullName;

        public string Input { get; set; } = string.Empty;

        public bool Interactive { get; set; }

        public async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var env = new CliEnvironment(new StringReader(Input), output, error, name => Variables.GetValueOrDefault(name), WorkingDirectory, Interactive);
            var exit = await CliApp.RunAsync(args, env);
            return (exit, output.ToString(), error.ToString());
        }
    }
}
