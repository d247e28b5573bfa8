using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>Runs the tool in-process with its own streams, environment and working directory.</summary>
    public sealed class CliRunner
    {
        public Dictionary<string, string?> Variables { get; } = new();

        public string WorkingDirectory { get; } = TestTemp.CreateFolder("upstash-cli-").FullName;

        public string Input { get; set; } = string.Empty;

        /// <summary>Replaces <see cref="Input"/> with a reader of the test's own.</summary>
        public TextReader? InputReader { get; set; }

        /// <summary>Replaces the captured standard output with a writer of the test's own (one that fails, say).</summary>
        public TextWriter? Output { get; set; }

        public bool Interactive { get; set; }

        /// <summary>Whether standard output counts as a terminal.</summary>
        public bool OutputIsTerminal { get; set; }

        /// <summary>The "controlling terminal" the tool may write a secret to when its output failed (null: none, as in CI).</summary>
        public StringWriter? Terminal { get; set; }

        /// <summary>An environment of this runner's settings, with throwaway streams.</summary>
        public CliEnvironment Environment() => new(new StringReader(Input), new StringWriter(), new StringWriter(), name => Variables.GetValueOrDefault(name), WorkingDirectory, Interactive);

        public Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

        public async Task<(int Exit, string Out, string Error)> RunAsync(CancellationToken interrupt, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var env = new CliEnvironment(InputReader ?? new StringReader(Input), Output ?? output, error, name => Variables.GetValueOrDefault(name), WorkingDirectory, Interactive)
            {
                OutputIsTerminal = OutputIsTerminal,
                OpenTerminal = () => Terminal == null ? null : new NonClosingWriter(Terminal),
            };
            var exit = await CliApp.RunAsync(args, env, interrupt);
            return (exit, output.ToString(), error.ToString());
        }

        /// <summary>The tool disposes the terminal writer it opened; the test reads it afterwards.</summary>
        private sealed class NonClosingWriter : StringWriter
        {
            private readonly StringWriter _inner;

            public NonClosingWriter(StringWriter inner) => _inner = inner;

            public override void Write(char value) => _inner.Write(value);

            public override void Write(string? value) => _inner.Write(value);
        }
    }
}
