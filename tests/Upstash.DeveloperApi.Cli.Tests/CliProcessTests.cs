using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>
    /// upstash-devapi as a real process, where the shell decides what standard output is and signals
    /// arrive from outside: a full disk, a closed descriptor, Ctrl+C during a rotation.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    [Platform(Include = "Linux,MacOsX")]
    public sealed class CliProcessTests
    {
        private static readonly string Tool = RepoPaths.Tool;

        private static Process Start(string shellCommand)
        {
            var info = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(shellCommand);
            info.ArgumentList.Add(Tool);
            info.Environment["DOTNET_NOLOGO"] = "1";
            return Process.Start(info)!;
        }

        /// <summary>
        /// A process started as a background job without job control (a script's <c>dotnet test &amp;</c>) ignores
        /// SIGINT, and so does every process it starts, the tool too (it keeps an ignored SIGINT ignored, as a
        /// shell's background job should). Where GNU env can, the tool is started with SIGINT back to its
        /// default, so that the interrupt reaches it however the suite itself was started.
        /// </summary>
        private static readonly Lazy<string> SigintDefault = new(() =>
        {
            using var probe = Process.Start(new ProcessStartInfo("env", "--default-signal=INT true") { UseShellExecute = false, RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0 ? "env --default-signal=INT " : "";
        });

        private static async Task<(int Exit, string Error)> Finish(Process process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60))) != exited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("upstash-devapi did not finish in 60 s");
            }
            return (process.ExitCode, await error);
        }

        /// <summary>A loopback service that answers the token reset with the document's example, counting what arrives.</summary>
        private static RawTcpServer AnsweringTokenReset() => RawTcpServer.AnsweringJson(Examples.ResetQStashTokenJson);

        /// <summary>
        /// A rotation whose result cannot be written after the request went out: exit 20, "HAS been rotated", and the
        /// new secret on standard error (the process is started without a controlling terminal, as in CI, so the
        /// fallback is standard error, not the terminal of whoever runs the suite).
        /// </summary>
        [TestCase("> /dev/full", "No space left")]
        [TestCase("| (exec 0<&-; sleep 3)", "Broken pipe")]
        [TestCase("| false", "Broken pipe")]
        public async Task A_result_that_cannot_be_written_after_the_rotation_says_it_was_rotated_and_keeps_the_secret(string redirect, string reason)
        {
            using var server = AnsweringTokenReset();
            using var process = Start($"setsid -w dotnet \"$0\" rotate-token --yes --email a@b.c --api-key k-1 --base-url {server.BaseAddress} --format env {redirect}; exit ${{PIPESTATUS[0]}}");

            var (exit, error) = await Finish(process);

            exit.Should().Be(ExitCodes.ResultNotWritten, error.Replace(Examples.Token, "***").Replace(Examples.Password, "***"));
            server.Requests.Should().Be(1);
            error.Should().Contain("HAS been rotated").And.Contain(reason).And.NotContain("Unhandled exception").And.NotContain("   at ");
            error.Contains("QSTASH_TOKEN=" + Examples.Token).Should().BeTrue("the new token went to standard error, the next safe place without a terminal");
        }

        [TestCase("rotate-token --yes --email a@b.c --api-key k-1 --format env")]
        [TestCase("rotate redis --db-id db-1 --yes --email a@b.c --api-key k-1 --format env")]
        [TestCase("rotate-token --demo --format env")]
        public async Task A_closed_standard_output_is_refused_before_anything_is_sent(string arguments)
        {
            using var server = AnsweringTokenReset();
            var baseUrl = arguments.Contains("--demo") ? "" : $" --base-url {server.BaseAddress}";
            using var process = Start($"exec dotnet \"$0\" {arguments}{baseUrl} >&-");

            var (exit, error) = await Finish(process);

            exit.Should().Be(ExitCodes.OutputUnavailable, error);
            error.Should().Contain("standard output is closed").And.Contain("Nothing was sent").And.NotContain("HAS been rotated");
            await Task.Delay(100);
            server.Requests.Should().Be(0);
        }

        /// <summary>
        /// GitHub Actions, as a real process: with $GITHUB_ENV naming the process's own standard output, the
        /// order of what the runner would see is one stream, and every ::add-mask:: line comes before any value;
        /// with $GITHUB_ENV naming a file, the file holds the NAME=value lines.
        /// </summary>
        [Test]
        public async Task The_github_output_masks_every_secret_before_any_value_and_appends_the_lines_to_GITHUB_ENV()
        {
            using var server = AnsweringTokenReset();
            var rotate = $"dotnet \"$0\" rotate-token --yes --email a@b.c --api-key k-1 --base-url {server.BaseAddress} --format github";
            var folder = TestTemp.CreateFolder("upstash-cli-").FullName;
            var stream = Path.Combine(folder, "stdout.txt");
            var envFile = Path.Combine(folder, "github.env");
            File.WriteAllText(envFile, "EARLIER=1\n");
            using var process = Start($"GITHUB_ENV=/dev/stdout {rotate} > '{stream}' && GITHUB_ENV='{envFile}' {rotate} > /dev/null");

            var (exit, error) = await Finish(process);

            exit.Should().Be(ExitCodes.Ok, error.Replace(Examples.Token, "***"));
            server.Requests.Should().Be(2);
            var lines = File.ReadAllLines(stream);
            var firstValue = Array.FindIndex(lines, l => !l.StartsWith("::add-mask::", StringComparison.Ordinal));
            var lastMask = Array.FindLastIndex(lines, l => l.StartsWith("::add-mask::", StringComparison.Ordinal));
            firstValue.Should().BeGreaterThan(lastMask, "the masks come before any value");
            lines.Should().Contain("::add-mask::" + Examples.Token).And.Contain("QSTASH_TOKEN=" + Examples.Token);
            File.ReadAllLines(envFile).Should().Equal("EARLIER=1", "QSTASH_TOKEN=" + Examples.Token, "QSTASH_PASSWORD=" + Examples.Password);
        }

        [Test]
        public async Task A_demo_whose_result_cannot_be_written_says_nothing_was_rotated()
        {
            using var process = Start("dotnet \"$0\" rotate-token --demo --format env | false; exit ${PIPESTATUS[0]}");

            var (exit, error) = await Finish(process);

            exit.Should().Be(ExitCodes.ResultNotWritten, error);
            error.Should().Contain("nothing was rotated").And.NotContain("HAS been rotated");
        }

        [Test]
        public async Task A_result_redirected_to_a_file_leaves_the_shell_s_place_in_it_after_the_result()
        {
            var file = Path.Combine(TestTemp.CreateFolder("upstash-cli-").FullName, "out.env");
            using var process = Start($"{{ dotnet \"$0\" rotate-token --demo --format env; echo done; }} > '{file}'");

            var (exit, error) = await Finish(process);

            exit.Should().Be(ExitCodes.Ok, error);
            var lines = File.ReadAllLines(file);
            lines.Should().Contain(line => line.StartsWith("QSTASH_TOKEN=", StringComparison.Ordinal), "the result is in the file");
            lines[^1].Should().Be("done", "what the script writes next comes after the result, not over it");
        }

        [Test]
        public async Task Ctrl_C_during_a_rotation_says_the_outcome_is_unknown_and_exits_130()
        {
            using var server = new RawTcpServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.HoldAsync();
            });
            using var process = Start($"exec {SigintDefault.Value}dotnet \"$0\" rotate-token --yes --format env --email a@b.c --api-key k-1 --timeout 600 --base-url {server.BaseAddress} > /dev/null");
            // The tool starts in about a second alone, but far slower while the whole suite loads both cores; its
            // timeout is the longest there is, so that only the interrupt can end the held request.
            for (var i = 0; i < 1200 && server.Requests == 0 && !process.HasExited; i++) await Task.Delay(50);
            server.Requests.Should().Be(1, "the rotation was sent before the interrupt");

            using (var kill = Process.Start("kill", new[] { "-INT", process.Id.ToString() })) await kill.WaitForExitAsync();
            var (exit, error) = await Finish(process);

            exit.Should().Be(ExitCodes.Interrupted, error);
            error.Should().Contain("outcome is unknown").And.Contain("Upstash console").And.NotContain("k-1");
        }
    }
}
