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
    /// The input errors a new user met in 2.0's first probes, each as it was reported: what the message quotes
    /// (only secret values are masked), what it names, and where a position is given only when it is real.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class InputErrorTests
    {
        [Test]
        public async Task A_mistyped_command_is_quoted_as_typed()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotat", "qstash");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("'rotat'").And.NotContain("***");
        }

        [Test]
        public async Task A_value_outside_the_choices_is_quoted_with_the_choices()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate", "qstash", "--format", "xml");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("'xml'").And.Contain("github").And.NotContain("***");
        }

        [TestCase("abc")]
        [TestCase("0")]
        [TestCase("601")]
        public async Task A_bad_timeout_names_the_option_and_its_range(string value)
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate", "qstash", "--timeout", value);

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("--timeout").And.Contain("1 to 600").And.Contain($"'{value}'").And.NotContain("System.Int32");
        }

        [TestCase("--api_key", "k3y-abcdef-secret", false)]
        [TestCase("--password", "hunter2-secret", false)]
        [TestCase("--apikey:", "k3y-abcdef-secret", true)]
        [TestCase("--apikey=", "k3y-abcdef-secret", true)]
        public async Task Only_the_values_of_secret_options_are_masked(string option, string value, bool oneToken)
        {
            var args = oneToken ? new[] { "rotate", "qstash", option + value, "--format", "xml" } : new[] { "rotate", "qstash", option, value, "--format", "xml" };
            var (exit, _, error) = await new CliRunner().RunAsync(args);

            exit.Should().Be(ExitCodes.Usage);
            error.Should().NotContain(value).And.Contain(option).And.Contain("'xml'", "a harmless value in the same line is still quoted");
        }

        [TestCase("--key", "k3y-0123456789secret")]
        [TestCase("/api-key", "k3y-0123456789secret")]
        [TestCase("--verbose", "k3y-0123456789secret")]
        public async Task The_value_after_an_option_the_tool_does_not_know_is_masked_too(string option, string value)
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate", "qstash", option, value);

            exit.Should().Be(ExitCodes.Usage);
            error.Should().NotContain(value, "a mistyped option name may hide the key").And.Contain(option);
        }

        [TestCase("rotate", "qstash", "api-key=k3y-0123456789secret")]
        [TestCase("rotate", "qstash", "UPSTASH_API_KEY=k3y-0123456789secret")]
        [TestCase("rotate", "qstash", "--api-key k3y-0123456789secret")]
        [TestCase("rotate", "qstash", "k3y-0123456789secret")]
        [TestCase("rotate", "qstahs", "--api-key", "/k3y-0123456789secret")]
        public async Task A_key_in_any_shape_a_user_may_type_is_never_quoted(params string[] args)
        {
            var (exit, _, error) = await new CliRunner().RunAsync(args);

            exit.Should().Be(ExitCodes.Usage);
            error.Should().NotContain("0123456789secret");
        }

        [Test]
        public async Task The_rest_of_an_unquoted_key_with_a_space_is_masked()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate", "qstash", "--api-key", "k3y-0123456789secret", "k3y-second-0123456");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().NotContain("k3y-0123456789secret").And.NotContain("k3y-second-0123456");
        }

        [Test]
        public async Task A_mistyped_command_after_a_known_flag_is_still_quoted_and_suggested()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("rotate", "qstahs");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("'qstahs'");
        }

        [Test]
        public async Task An_argument_starting_with_an_at_sign_is_a_value_not_a_response_file()
        {
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, "rsp.txt"), "--api-key k3y-from-file\n");

            var (exit, _, error) = await cli.RunAsync("rotate", "qstash", "--demo", "--format", "env", "--qstash-id", "@rsp.txt");
            var (file, _, fileError) = await cli.RunAsync("rotate", "qstash", "@rsp.txt");

            exit.Should().Be(ExitCodes.Ok, error);
            file.Should().Be(ExitCodes.Usage);
            fileError.Should().Contain("'@rsp.txt'").And.NotContain("k3y-from-file", "the file is never read");
        }

        [TestCase("")]
        [TestCase("   \n")]
        [TestCase("not json at all")]
        [TestCase("{\"id\": ")]
        public async Task Drift_check_gives_a_json_position_only_when_it_is_real(string captured)
        {
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, "captured.json"), captured);

            var (exit, _, error) = await cli.RunAsync("drift-check", "captured.json", "--operation", "listDatabases");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().NotContain("line 0").And.NotContain("position 0");
            if (captured.Trim().Length == 0) error.Should().Contain("is empty");
        }

        [TestCase("")]
        [TestCase(" ")]
        [TestCase("x")]
        [TestCase("{")]
        [TestCase("[{\"database_id\":")]
        public async Task The_library_gives_a_json_position_only_when_it_is_real(string body)
        {
            using var handler = new StubHandler(_ => StubHandler.Json(body));
            using var client = new RedisClient(new System.Net.Http.HttpClient(handler), TestCredentials.Create());

            var thrown = await FluentActions.Awaiting(() => client.GetDatabaseAsync("db-1")).Should().ThrowAsync<UpstashApiException>();

            thrown.Which.ToString().Should().NotContain("line 0").And.NotContain("position 0");
        }

        [Test]
        public async Task Drift_check_paths_have_one_syntax_and_list_items_report_missing_fields()
        {
            var operation = SpecDocument.Operations.Single(o => o.Operation.OperationId == "listDatabases");
            var list = (JArray)Upstash.DeveloperApi.SpecTools.ExampleAssembler.SuccessResponse(operation.Operation, out _)!;
            var item = (JObject)list[0];
            var missing = item.Properties().Select(p => p.Name).First(n => !operation.Operation.ActualResponses["200"].Content["application/json"].Schema.ActualSchema.Item!.ActualSchema.RequiredProperties.Contains(n));
            item.Remove(missing);
            item["state"] = 7;
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, "captured.json"), list.ToString(Formatting.None));

            var (exit, output, _) = await cli.RunAsync("drift-check", "captured.json", "--operation", "listDatabases", "--format", "json");

            exit.Should().Be(ExitCodes.DriftFound);
            var paths = JObject.Parse(output)["findings"]!.Select(f => f.Value<string>("path")!).ToList();
            paths.Should().Contain("$[0].state").And.Contain($"$[0].{missing}", "a field missing from a list item is reported");
            paths.Should().OnlyContain(p => !p.StartsWith("$.[", StringComparison.Ordinal), "one path syntax: $[0].state");
        }

        [Test]
        public async Task A_dotenv_line_without_an_equals_sign_is_reported_by_number()
        {
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, ".env"), "UPSTASH_EMAIL=a@b.c\nUPSTASH_API_KEY k3y-secret\n");

            var (exit, _, error) = await cli.RunAsync("rotate", "qstash", "--yes", "--format", "env");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("line 2").And.Contain("'='").And.NotContain("k3y-secret");
        }

        [Test]
        public async Task A_dotenv_name_with_control_bytes_is_never_echoed()
        {
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, ".env"), "UPSTASH_EMAIL=a@b.c\nUPSTASH_\u001b[31mAPI_KEY=k3y-secret\n");

            var (exit, _, error) = await cli.RunAsync("rotate", "qstash", "--yes", "--format", "env");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("line 2").And.Contain("not a variable name");
            error.Any(c => char.IsControl(c) && c != '\n' && c != '\r').Should().BeFalse("no control byte reaches the terminal");
        }
    }
}
