using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class RotateTokenCliTests
    {
        private static readonly string Token = Examples.Token;
        private static readonly string Password = Examples.Password;

        [Test]
        public async Task The_demo_needs_no_account_no_confirmation_and_no_input()
        {
            var (exit, output, error) = await new CliRunner().RunAsync("rotate-token", "--demo");

            exit.Should().Be(ExitCodes.Ok);
            var json = JObject.Parse(output);
            json["token"]!.Value<string>().Should().Be("***");
            json["password"]!.Value<string>().Should().Be("***");
            json["customer_id"]!.Value<string>().Should().Be(Examples.ResetQStashToken.Value<string>("customer_id"));
            output.Contains(Token).Should().BeFalse();
            error.Should().Contain("No Upstash account is touched");
        }

        [Test]
        public async Task Show_secrets_prints_the_new_token_in_json()
        {
            var (exit, output, _) = await new CliRunner().RunAsync("rotate-token", "--demo", "--show-secrets");

            exit.Should().Be(ExitCodes.Ok);
            (JObject.Parse(output)["token"]!.Value<string>() == Token).Should().BeTrue();
        }

        [Test]
        public async Task The_env_format_prints_lines_a_pipeline_can_source()
        {
            var (exit, output, _) = await new CliRunner().RunAsync("rotate-token", "--demo", "--format", "env");

            exit.Should().Be(ExitCodes.Ok);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
            lines.Length.Should().Be(2);
            (lines[0] == "QSTASH_TOKEN=" + Token).Should().BeTrue();
            (lines[1] == "QSTASH_PASSWORD=" + Password).Should().BeTrue();
        }

        [TestCase("flags", "flag@example.com", "flag-key")]
        [TestCase("environment", "env@example.com", "env-key")]
        [TestCase("dotenv", "file@example.com", "file-key")]
        public async Task Credentials_come_from_flags_then_environment_then_dotenv(string winner, string email, string key)
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, ".env"), "# comment\nexport UPSTASH_EMAIL=\"file@example.com\"\nUPSTASH_API_KEY=file-key\n");
            if (winner != "dotenv") { cli.Variables["UPSTASH_EMAIL"] = "env@example.com"; cli.Variables["UPSTASH_API_KEY"] = "env-key"; }
            var args = new[] { "rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString() }.ToList();
            if (winner == "flags") args.AddRange(new[] { "--email", "flag@example.com", "--api-key", "flag-key" });

            var (exit, _, _) = await cli.RunAsync(args.ToArray());

            exit.Should().Be(ExitCodes.Ok);
            (api.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization(email, key)).Should().BeTrue($"the {winner} credentials win");
        }

        [Test]
        public async Task Missing_credentials_exit_4_and_name_the_variable()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate-token", "--yes", "--show-secrets");

            exit.Should().Be(ExitCodes.Configuration);
            error.Should().Contain("UPSTASH_EMAIL").And.Contain("UPSTASH_API_KEY");
        }

        [Test]
        public async Task Without_yes_and_without_a_terminal_nothing_is_rotated()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var cli = new CliRunner { Interactive = false };
            cli.Variables["UPSTASH_EMAIL"] = "dev@example.com";
            cli.Variables["UPSTASH_API_KEY"] = "key-1";

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--format", "env", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.NotConfirmed);
            error.Should().Contain("--yes");
            api.LogEntries.Count().Should().Be(0);
        }

        [TestCase("yes", ExitCodes.Ok, 1)]
        [TestCase("no", ExitCodes.NotConfirmed, 0)]
        [TestCase("", ExitCodes.NotConfirmed, 0)]
        public async Task A_person_confirms_at_the_prompt(string answer, int expected, int requests)
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var cli = new CliRunner { Interactive = true, Input = answer + "\n" };
            cli.Variables["UPSTASH_EMAIL"] = "dev@example.com";
            cli.Variables["UPSTASH_API_KEY"] = "key-1";

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--format", "env", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(expected);
            error.Should().Contain("Type 'yes'");
            api.LogEntries.Count().Should().Be(requests);
        }

        [TestCase(401, ExitCodes.Authentication)]
        [TestCase(403, ExitCodes.Authorization)]
        [TestCase(404, ExitCodes.NotFound)]
        [TestCase(429, ExitCodes.RateLimited)]
        [TestCase(503, ExitCodes.ServerError)]
        [TestCase(400, ExitCodes.RequestRejected)]
        [TestCase(406, ExitCodes.RequestRejected)]
        [TestCase(418, ExitCodes.UnexpectedStatus)]
        [TestCase(500, ExitCodes.OutcomeUnknown)]
        public async Task Each_error_kind_has_its_exit_code(int status, int expected)
        {
            using var api = LoopbackServer.AnsweringTokenReset(status, "{\"error\":\"nope\"}");
            var (exit, output, error) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(expected);
            output.Should().BeEmpty("results only go to stdout");
            error.Should().Contain(status.ToString()).And.NotContain("key-1");
        }

        [Test]
        public async Task An_unreadable_success_exits_17_and_says_the_token_was_rotated()
        {
            using var api = LoopbackServer.AnsweringTokenReset(200, "<html>oops</html>", "text/html");
            var (exit, _, error) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.UnreadableResponse);
            error.Should().Contain("HAS been rotated");
        }

        [Test]
        public async Task A_refused_connection_exits_18()
        {
            var (exit, _, error) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", $"http://127.0.0.1:{LoopbackServer.FreePort()}", "--timeout", "5");

            exit.Should().Be(ExitCodes.ConnectionFailed);
            error.Should().Contain("not processed");
        }

        [TestCase("rotate-token", "--format", "xml")]
        [TestCase("rotate-token", "--no-such-option")]
        [TestCase("no-such-command")]
        [TestCase("rotate-token", "--demo", "--timeout", "0")]
        [TestCase("rotate-token", "--yes", "--show-secrets", "--base-url", "http://api.example.net", "--email", "a@b.c", "--api-key", "k")]
        public async Task Bad_usage_exits_2_or_4_with_a_message(params string[] args)
        {
            var (exit, _, error) = await new CliRunner().RunAsync(args);

            exit.Should().BeOneOf(ExitCodes.Usage, ExitCodes.Configuration);
            error.Should().NotBeNullOrWhiteSpace();
        }

        [Test]
        public async Task Help_lists_the_commands_and_the_exit_codes()
        {
            var (exit, output, _) = await new CliRunner().RunAsync("--help");

            exit.Should().Be(0);
            output.Should().Contain("rotate-token").And.Contain("drift-check").And.Contain("19 outcome unknown");
        }

        private static CliRunner Authenticated()
        {
            var cli = new CliRunner();
            cli.Variables["UPSTASH_EMAIL"] = "dev@example.com";
            cli.Variables["UPSTASH_API_KEY"] = "key-1";
            return cli;
        }

        [Test]
        public async Task A_rotation_whose_connection_drops_goes_out_once_through_the_cli_too()
        {
            using var server = new RawTcpServer(async connection =>
            {
                await connection.ReadRequestAsync();
                connection.Close();
            });
            var cli = new CliRunner();

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets", "--email", "a@b.c", "--api-key", "k3y-0123456789", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.OutcomeUnknown);
            error.Should().Contain("may already have been");
            await Task.Delay(200);
            server.Requests.Should().Be(1);
            server.Connections.Should().Be(1);
        }
    }
}
