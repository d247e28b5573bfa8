using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>
    /// rotate qstash|redis|vector|search: exactly one request per rotation on a raw socket, none when the output
    /// cannot keep the result, the secret-store outputs (env, github, an owner-only file), and where a secret
    /// goes when its write fails after the rotation.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class RotateCommandTests
    {
        /// <summary>Each kind: its command line, the request it must send, and the answer (the document's example of its result).</summary>
        private static readonly object[] Kinds =
        {
            new object[] { new[] { "rotate", "qstash" }, "POST /qstash/user/rotatetoken ", "resetDefaultQStashToken", "QSTASH_TOKEN", "token" },
            new object[] { new[] { "rotate", "qstash", "--qstash-id", "q-1" }, "POST /v2/qstash/rotate-token/q-1 ", "resetQStashToken", "QSTASH_TOKEN", "token" },
            new object[] { new[] { "rotate-token", "--qstash-id", "q-1" }, "POST /v2/qstash/rotate-token/q-1 ", "resetQStashToken", "QSTASH_TOKEN", "token" },
            new object[] { new[] { "rotate", "redis", "--db-id", "db-1" }, "POST /v2/redis/reset-password/db-1 ", "resetPassword", "UPSTASH_REDIS_PASSWORD", "password" },
            new object[] { new[] { "rotate", "vector", "--index-id", "ix-1" }, "POST /v2/vector/index/ix-1/reset-password ", "resetIndexPasswords", "UPSTASH_VECTOR_REST_TOKEN", "token" },
            new object[] { new[] { "rotate", "search", "--index-id", "ix-1" }, "POST /v2/search/ix-1/reset-password ", "resetSearchPassword", "UPSTASH_SEARCH_REST_TOKEN", "token" },
        };

        private static JObject ExampleResult(string operationId)
        {
            var operation = SpecDocument.Operations.Single(o => o.Operation.OperationId == operationId);
            return (JObject)Upstash.DeveloperApi.SpecTools.ExampleAssembler.SuccessResponse(operation.Operation, out _)!;
        }

        /// <summary>A raw loopback service that answers every request with <paramref name="body"/> and counts what arrives.</summary>
        private static RawTcpServer Answering(JObject body) => RawTcpServer.AnsweringJson(body.ToString(Formatting.None));

        private static string[] With(string[] command, params string[] more) => command.Concat(more).ToArray();

        [TestCaseSource(nameof(Kinds))]
        public async Task Each_kind_sends_exactly_one_request_and_prints_its_secrets_as_named_variables(string[] command, string requestLine, string operationId, string variable, string field)
        {
            var answer = ExampleResult(operationId);
            using var server = Answering(answer);

            var (exit, output, error) = await CliInputTests.Authenticated().RunAsync(With(command, "--yes", "--format", "env", "--base-url", server.BaseAddress.ToString()));

            exit.Should().Be(ExitCodes.Ok, error);
            server.Requests.Should().Be(1, "a rotation is one request");
            server.Connections.Should().Be(1);
            server.RequestHeads.Single().Should().StartWith(requestLine);
            output.Split('\n').Should().Contain($"{variable}={answer.Value<string>(field)}");
            error.Should().NotContain(answer.Value<string>(field)!);
        }

        [TestCaseSource(nameof(Kinds))]
        public async Task Each_kind_has_a_demo_that_rotates_nothing(string[] command, string requestLine, string operationId, string variable, string field)
        {
            var (exit, output, error) = await new CliRunner().RunAsync(With(command, "--demo"));

            exit.Should().Be(ExitCodes.Ok, error);
            JObject.Parse(output)[field]!.Value<string>().Should().Be("***", "the demo's JSON masks secrets unless --show-secrets");
            error.Should().Contain("nothing was rotated");
        }

        /// <summary>Every way the output can be unusable, found before sending: exit 21, nothing sent.</summary>
        [TestCase("json", null, null, "masks the new secrets")]
        [TestCase("env", "missing-folder/out.env", null, "its folder does not exist")]
        [TestCase("env", ".", null, "it is a folder")]
        [TestCase("github", null, null, "$GITHUB_ENV, which is not set")]
        [TestCase("github", null, "missing-folder/github.env", "cannot be appended to")]
        public async Task An_output_that_cannot_keep_the_secret_is_refused_with_nothing_sent(string format, string? outputFile, string? githubEnv, string reason)
        {
            using var server = Answering(ExampleResult("resetPassword"));
            var cli = CliInputTests.Authenticated();
            if (githubEnv != null) cli.Variables[RotationOutput.GitHubEnvVariable] = githubEnv;
            var args = new[] { "rotate", "redis", "--db-id", "db-1", "--yes", "--format", format, "--base-url", server.BaseAddress.ToString() }.ToList();
            if (outputFile != null) args.AddRange(new[] { "--output-file", outputFile });

            var (exit, output, error) = await cli.RunAsync(args.ToArray());

            exit.Should().Be(ExitCodes.OutputUnavailable, error);
            error.Should().Contain(reason).And.Contain("Nothing was sent");
            output.Should().BeEmpty();
            await Task.Delay(100);
            server.Requests.Should().Be(0);
            server.Connections.Should().Be(0);
        }

        [Test]
        [Platform(Include = "Linux")]
        public async Task A_folder_that_takes_no_new_file_is_refused_with_nothing_sent()
        {
            // /proc takes no new file, whoever runs the suite (root too, where permission bits bind nobody).
            using var server = Answering(ExampleResult("resetPassword"));

            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("rotate", "redis", "--db-id", "db-1", "--yes", "--output-file", "/proc/upstash-redis.env", "--format", "env", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.OutputUnavailable, error);
            error.Should().Contain("cannot be written").And.Contain("Nothing was sent");
            server.Requests.Should().Be(0);
        }

        [Test]
        [Platform(Include = "Linux,MacOsX")]
        public async Task A_named_pipe_at_the_output_path_is_refused_and_a_symbolic_link_keeps_pointing_at_the_new_file()
        {
            using var server = Answering(ExampleResult("resetPassword"));
            var cli = CliInputTests.Authenticated();
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(cli.WorkingDirectory, "pipe.env"))) await mkfifo.WaitForExitAsync();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, "target.env"), "OLD=1\n");
            File.CreateSymbolicLink(Path.Combine(cli.WorkingDirectory, "link.env"), "target.env");
            string[] Rotate(string file) => new[] { "rotate", "redis", "--db-id", "db-1", "--yes", "--format", "env", "--output-file", file, "--base-url", server.BaseAddress.ToString() };

            var (refused, _, why) = await cli.RunAsync(Rotate("pipe.env"));
            var (linked, _, error) = await cli.RunAsync(Rotate("link.env"));

            refused.Should().Be(ExitCodes.OutputUnavailable, why);
            why.Should().Contain("not a regular file").And.Contain("Nothing was sent");
            linked.Should().Be(ExitCodes.Ok, error);
            server.Requests.Should().Be(1, "only the rotation into the link's file was sent");
            new FileInfo(Path.Combine(cli.WorkingDirectory, "link.env")).LinkTarget.Should().Be("target.env", "the link is kept");
            File.ReadAllText(Path.Combine(cli.WorkingDirectory, "target.env")).Should().StartWith("UPSTASH_REDIS_PASSWORD=");
        }

        [Test]
        public async Task The_output_file_is_replaced_whole_and_readable_by_its_owner_only()
        {
            var answer = ExampleResult("resetPassword");
            using var server = Answering(answer);
            var cli = CliInputTests.Authenticated();
            var file = Path.Combine(cli.WorkingDirectory, "redis.env");
            File.WriteAllText(file, "OLD=1\n");

            var (exit, output, error) = await cli.RunAsync("rotate", "redis", "--db-id", "db-1", "--yes", "--output-file", "redis.env", "--format", "env", "--prefix", "STAGING_REDIS_", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.Ok, error);
            output.Should().BeEmpty("the secrets went to the file");
            File.ReadAllLines(file).Should().Equal(
                $"STAGING_REDIS_PASSWORD={answer.Value<string>("password")}",
                $"STAGING_REDIS_REST_TOKEN={answer.Value<string>("rest_token")}",
                $"STAGING_REDIS_READ_ONLY_REST_TOKEN={answer.Value<string>("read_only_rest_token")}");
            if (!OperatingSystem.IsWindows())
                File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.GetFiles(cli.WorkingDirectory).Select(Path.GetFileName).Should().BeEquivalentTo(new[] { "redis.env" }, "no temporary file is left behind");
            error.Should().Contain("readable by its owner only");
        }

        [Test]
        public async Task The_github_format_masks_every_secret_before_its_value_reaches_the_env_file()
        {
            var answer = ExampleResult("resetQStashToken");
            using var server = Answering(answer);
            var cli = CliInputTests.Authenticated();
            var githubEnv = Path.Combine(cli.WorkingDirectory, "github.env");
            File.WriteAllText(githubEnv, "EARLIER=kept\n");
            cli.Variables[RotationOutput.GitHubEnvVariable] = githubEnv;

            var (exit, output, error) = await cli.RunAsync("rotate", "qstash", "--qstash-id", "q-1", "--yes", "--format", "github", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.Ok, error);
            var secrets = new[] { "token", "password", "read_only_token" }.Select(f => answer.Value<string>(f)).Where(v => !string.IsNullOrEmpty(v)).ToList();
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(secrets.Select(s => "::add-mask::" + s), "standard output holds the masks and nothing else");
            File.ReadAllLines(githubEnv).Should().StartWith("EARLIER=kept").And.Contain($"QSTASH_TOKEN={answer.Value<string>("token")}");
        }

        [Test]
        public async Task A_bad_prefix_is_a_usage_error_with_nothing_sent()
        {
            using var server = Answering(ExampleResult("resetPassword"));

            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("rotate", "redis", "--db-id", "db-1", "--yes", "--format", "env", "--prefix", "BAD PREFIX", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("--prefix");
            server.Requests.Should().Be(0);
        }

        [Test]
        public async Task The_id_of_a_redis_vector_or_search_rotation_is_required()
        {
            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("rotate", "vector", "--yes", "--format", "env");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("--index-id");
        }

        [Test]
        public async Task On_a_terminal_the_new_secrets_are_shown_once()
        {
            var answer = ExampleResult("resetQStashToken");
            using var server = Answering(answer);
            var cli = CliInputTests.Authenticated();
            cli.OutputIsTerminal = true;

            var (exit, output, error) = await cli.RunAsync("rotate", "qstash", "--qstash-id", "q-1", "--yes", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.Ok, error);
            (JObject.Parse(output).Value<string>("token") == answer.Value<string>("token")).Should().BeTrue("an interactive rotation never leaves the only copy masked");
        }

        [TestCase(true, "shown on the terminal")]
        [TestCase(false, "written to standard error instead")]
        public async Task A_write_that_fails_after_the_rotation_puts_the_secret_in_the_next_safe_place(bool hasTerminal, string where)
        {
            var answer = ExampleResult("resetQStashToken");
            using var server = Answering(answer);
            var cli = CliInputTests.Authenticated();
            cli.Output = new FailingWriter();
            if (hasTerminal) cli.Terminal = new StringWriter();

            var (exit, _, error) = await cli.RunAsync("rotate", "qstash", "--qstash-id", "q-1", "--yes", "--format", "env", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.ResultNotWritten);
            server.Requests.Should().Be(1);
            error.Should().Contain("HAS been rotated").And.Contain(where);
            var kept = hasTerminal ? cli.Terminal!.ToString() : error;
            kept.Contains($"QSTASH_TOKEN={answer.Value<string>("token")}").Should().BeTrue("the new token is not lost");
            if (hasTerminal) error.Contains(answer.Value<string>("token")!).Should().BeFalse("with a terminal, standard error (a log) never gets it");
        }

        private sealed class FailingWriter : StringWriter
        {
            public override void Write(string? value) => throw new IOException("No space left on device");

            public override void Write(char value) => throw new IOException("No space left on device");
        }
    }
}
