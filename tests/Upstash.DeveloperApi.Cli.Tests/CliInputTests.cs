using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>upstash-qstash tried as a new user would: typos, bad files, odd values, an interrupted rotation.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class CliInputTests
    {
        [Test]
        public async Task A_mistyped_option_never_echoes_the_value_after_it()
        {
            var (exit, output, error) = await new CliRunner().RunAsync("rotate-token", "--email", "a@b.c", "--api_key", "k3y-abcdef-secret", "--yes");

            exit.Should().Be(ExitCodes.Usage);
            (output + error).Should().NotContain("k3y-abcdef-secret");
            error.Should().Contain("--api_key").And.Contain("--api-key", "the nearest option is suggested");
        }

        [Test]
        public async Task A_mistyped_option_with_an_equals_sign_never_echoes_its_value()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate-token", "--apikey=k3y-abcdef-secret", "--yes");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().NotContain("k3y-abcdef-secret").And.Contain("--apikey");
        }

        [Test]
        public async Task The_env_format_refuses_a_value_with_a_line_break_and_prints_nothing()
        {
            using var api = LoopbackServer.AnsweringTokenReset(body: Examples.ResetQStashToken.With("token", "tok\nNODE_OPTIONS=--require=/tmp/evil.js"));

            var (exit, output, error) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--format", "env", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.ResultNotWritten);
            output.Should().BeEmpty("not even the lines before the bad value are printed");
            error.Should().Contain("control character").And.Contain("HAS been rotated").And.NotContain("evil");
        }

        [Test]
        public async Task A_result_that_cannot_be_written_says_the_token_was_rotated()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var cli = Authenticated();
            cli.Output = new FailingWriter();

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.ResultNotWritten);
            error.Should().Contain("HAS been rotated").And.Contain("could not be written").And.NotContain("   at ");
            api.LogEntries.Count().Should().Be(1);
        }

        [Test]
        public async Task An_interrupted_rotation_says_the_outcome_is_unknown_and_exits_130()
        {
            using var server = new RawTcpServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.HoldAsync();
            });
            using var interrupt = new CancellationTokenSource();
            var cli = Authenticated();
            var run = cli.RunAsync(interrupt.Token, "rotate-token", "--yes", "--show-secrets", "--base-url", server.BaseAddress.ToString());
            await Eventually(() => server.Requests == 1);

            interrupt.Cancel();
            var (exit, _, error) = await run;

            exit.Should().Be(ExitCodes.Interrupted);
            error.Should().Contain("interrupted").And.Contain("outcome is unknown").And.Contain("Upstash console");
        }

        [Test]
        public async Task Interrupted_before_sending_says_nothing_was_rotated()
        {
            using var interrupt = new CancellationTokenSource();
            var cli = Authenticated();
            cli.Interactive = true;
            cli.InputReader = new BlockingReader(interrupt.Token);
            var run = cli.RunAsync(interrupt.Token, "rotate-token", "--format", "env", "--base-url", "http://127.0.0.1:9");
            await Task.Delay(200);

            interrupt.Cancel();
            var (exit, _, error) = await run;

            exit.Should().Be(ExitCodes.Interrupted);
            error.Should().Contain("Not rotated");
        }

        [TestCase("--email", "notanemail", "--email")]
        [TestCase("--email", "x@", "--email")]
        [TestCase("--email", "a @b.c", "--email")]
        [TestCase("--email", "", "--email")]
        [TestCase("--api-key", "", "--api-key")]
        public async Task A_bad_credential_flag_is_named_as_the_flag(string flag, string value, string named)
        {
            var cli = Authenticated();
            using var api = LoopbackServer.AnsweringTokenReset();

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString(), flag, value);

            exit.Should().Be(ExitCodes.Configuration);
            error.Should().Contain(named).And.NotContain("UPSTASH_EMAIL is not");
            api.LogEntries.Count().Should().Be(0, "nothing is sent with a malformed credential");
        }

        [Test]
        public async Task A_bad_variable_is_named_as_the_variable()
        {
            var cli = new CliRunner();
            cli.Variables["UPSTASH_EMAIL"] = "a@";
            cli.Variables["UPSTASH_API_KEY"] = "k";

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets");

            exit.Should().Be(ExitCodes.Configuration);
            error.Should().Contain("UPSTASH_EMAIL (environment)");
        }

        [Test]
        public async Task Dotenv_values_lose_inline_comments_and_export_may_be_followed_by_a_tab()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, ".env"), "export\tUPSTASH_EMAIL=a@b.c # my account\nUPSTASH_API_KEY='k-1 #not a comment' # but this is\n");

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Configuration, "the key from the file has a space: " + error);
            error.Should().Contain("UPSTASH_API_KEY in .env");
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, ".env"), "export\tUPSTASH_EMAIL=a@b.c # my account\nUPSTASH_API_KEY=\"k-1\" # comment\n");
            (exit, _, _) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());
            exit.Should().Be(ExitCodes.Ok);
            (api.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization("a@b.c", "k-1")).Should().BeTrue();
        }

        [Test]
        public async Task A_dotenv_value_with_an_unclosed_quote_is_an_error_naming_the_line()
        {
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, ".env"), "UPSTASH_EMAIL=a@b.c\nUPSTASH_API_KEY=\"k-1\n");

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", "http://127.0.0.1:9");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain(".env").And.Contain("line 2").And.Contain("quote").And.NotContain("k-1");
        }

        [TestCase("missing.env")]
        [TestCase("folder")]
        public async Task A_named_env_file_that_cannot_be_read_is_an_error(string name)
        {
            var cli = Authenticated();
            Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "folder"));

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--yes", "--show-secrets", "--env-file", name, "--base-url", "http://127.0.0.1:9");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain(name);
        }

        [Test]
        public async Task The_demo_refuses_options_it_would_ignore()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate-token", "--demo", "--base-url", "https://api.example.net");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("--demo").And.Contain("--base-url");
        }

        [Test]
        public async Task Only_yes_confirms()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var cli = Authenticated();
            cli.Interactive = true;
            cli.Input = "y\n";

            var (exit, _, error) = await cli.RunAsync("rotate-token", "--format", "env", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.NotConfirmed);
            error.Should().Contain("Type 'yes'");
            api.LogEntries.Count().Should().Be(0);
        }

        [Test]
        public async Task Messages_carry_no_dotnet_leftovers()
        {
            var (_, _, baseUrl) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", "https://user:pw@api.example.net");
            baseUrl.Should().NotContain("(Parameter").And.NotContain("pw");

            using var api = LoopbackServer.Start();
            api.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(302).WithHeader("Location", "https://elsewhere.example"));
            var (_, _, redirect) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());
            redirect.Should().Contain("302 Found").And.NotContain("(HTTP 302)");
        }

        [Test]
        public async Task The_401_advice_names_the_cli_options()
        {
            using var api = LoopbackServer.AnsweringTokenReset(401, "{\"error\":\"unauthorized\"}");

            var (exit, _, error) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Authentication);
            error.Should().Contain("--email").And.Contain("--api-key").And.NotContain("UpstashCredentials");
        }

        [Test]
        public async Task Retries_after_503_are_mentioned_in_the_final_message()
        {
            using var api = LoopbackServer.Start();
            api.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));

            var (exit, _, error) = await Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.ServerError);
            error.Should().Contain("after 2 retries");
        }

        [Test]
        public async Task Help_states_the_timeout_range_and_no_dash_default()
        {
            var (_, rotate, _) = await new CliRunner().RunAsync("rotate-token", "--help");
            var (_, drift, _) = await new CliRunner().RunAsync("drift-check", "--help");

            rotate.Should().Contain("1 to 600");
            drift.Should().NotContain("[default: -]");
        }

        private static async Task Eventually(Func<bool> condition)
        {
            for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
            condition().Should().BeTrue();
        }

        internal static CliRunner Authenticated()
        {
            var cli = new CliRunner();
            cli.Variables["UPSTASH_EMAIL"] = "dev@example.com";
            cli.Variables["UPSTASH_API_KEY"] = "key-1";
            return cli;
        }

        /// <summary>Standard output that fails like a full disk or a closed descriptor.</summary>
        private sealed class FailingWriter : StringWriter
        {
            public override void Write(char value) => throw new IOException("No space left on device");

            public override void Write(string? value) => throw new IOException("No space left on device");

            public override void WriteLine(string? value) => throw new IOException("No space left on device");

            public override void Flush() => throw new IOException("No space left on device");
        }

        /// <summary>A terminal on which nobody types anything (for longer than the test waits: the interrupt comes first).</summary>
        private sealed class BlockingReader : StringReader
        {
            public BlockingReader(CancellationToken _) : base(string.Empty) { }

            public override string? ReadLine()
            {
                Thread.Sleep(TimeSpan.FromSeconds(5));
                return null;
            }
        }
    }

    internal static class JsonTestExtensions
    {
        public static string With(this Newtonsoft.Json.Linq.JObject json, string name, string value)
        {
            json[name] = value;
            return json.ToString(Newtonsoft.Json.Formatting.None);
        }
    }
}
