using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>upstash-qstash drift-check: each kind of finding, both formats, the exit codes.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class DriftCheckCliTests
    {
        private static readonly string Token = Examples.Token;

        private static async Task<(int Exit, string Out, string Error)> Check(JToken response, params string[] extra)
        {
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, "captured.json"), response.ToString(Formatting.None));
            return await cli.RunAsync(new[] { "drift-check", "captured.json" }.Concat(extra).ToArray());
        }

        [Test]
        public async Task The_documented_example_is_clean()
        {
            var (exit, output, _) = await Check(Examples.ResetQStashToken);

            exit.Should().Be(ExitCodes.Ok);
            output.Should().StartWith("clean");
        }

        [TestCase("unknown-field", "max_widgets")]
        [TestCase("missing-field", "creation_time")]
        [TestCase("enum-value", "state")]
        [TestCase("type-mismatch", "max_retries")]
        [TestCase("format-mismatch", "id")]
        public async Task Each_kind_of_drift_is_reported_with_exit_1(string kind, string field)
        {
            var response = Examples.ResetQStashToken;
            switch (kind)
            {
                case "unknown-field": response["max_widgets"] = 3; break;
                case "missing-field": response.Remove("creation_time"); break;
                case "enum-value": response["state"] = "frozen"; break;
                case "type-mismatch": response["max_retries"] = "twenty"; break;
                case "format-mismatch": response["id"] = "not-a-uuid"; break;
            }

            var (exit, output, _) = await Check(response);

            exit.Should().Be(ExitCodes.DriftFound);
            output.Should().Contain(kind).And.Contain(field).And.Contain("drift: 1 finding");
            output.Should().NotContain("twenty").And.NotContain("not-a-uuid").And.NotContain("frozen");
            output.Contains(Token).Should().BeFalse("values, secrets above all, are never printed");
        }

        [Test]
        public async Task Json_output_lists_findings_for_machines()
        {
            var response = Examples.ResetQStashToken;
            response["max_widgets"] = 3;
            response["type"] = "enterprise";

            var (exit, output, _) = await Check(response, "--format", "json");

            exit.Should().Be(ExitCodes.DriftFound);
            var json = JObject.Parse(output);
            json["clean"]!.Value<bool>().Should().BeFalse();
            json["findings"]!.Should().HaveCount(2);
            json["findings"]![0]!["kind"]!.Value<string>().Should().NotBeNullOrEmpty();
        }

        [Test]
        public async Task Standard_input_is_read_with_a_dash()
        {
            var cli = new CliRunner { Input = Examples.ResetQStashTokenJson };

            var (exit, _, _) = await cli.RunAsync("drift-check", "-");

            exit.Should().Be(ExitCodes.Ok);
        }

        [TestCase("not json at all", "drift-check", "-")]
        [TestCase("{}", "drift-check", "-", "--operation", "noSuchOperation")]
        [TestCase("{}", "drift-check", "-", "--status", "201")]
        [TestCase("{}", "drift-check", "missing-file.json")]
        public async Task Bad_input_exits_2(string input, params string[] args)
        {
            var (exit, _, error) = await new CliRunner { Input = input }.RunAsync(args);

            exit.Should().Be(ExitCodes.Usage);
            error.Should().StartWith("error:");
        }

        [Test]
        public async Task A_folder_as_the_spec_is_a_clear_error()
        {
            var (exit, _, error) = await Check(Examples.ResetQStashToken, "--spec", Path.GetTempPath());

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("folder").And.NotContain("Exception").And.NotContain("   at ");
        }

        [Test]
        public async Task A_missing_file_is_named_without_a_dotnet_type()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("drift-check", "nope.json");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("nope.json").And.Contain("no such file").And.NotContain("Exception");
        }

        [Test]
        public async Task Deeply_nested_json_is_called_what_it_is()
        {
            var deep = new string('[', 200) + new string(']', 200);
            var cli = new CliRunner();
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, "deep.json"), deep);

            var (exit, _, error) = await cli.RunAsync("drift-check", "deep.json");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("nested deeper than").And.NotContain("not JSON");
        }

        [TestCase("[]", "an array")]
        [TestCase("null", "null")]
        [TestCase("42", "a number")]
        public async Task A_response_that_is_not_an_object_is_named(string json, string what)
        {
            var (exit, output, _) = await Check(JToken.Parse(json));

            exit.Should().Be(ExitCodes.DriftFound);
            output.Should().Contain(what).And.Contain("an object").And.NotContain("''");
        }

        [Test]
        public async Task Field_names_with_control_characters_cannot_forge_output_lines()
        {
            var response = Examples.ResetQStashToken;
            response["x\nclean: the response matches"] = 1;

            var (exit, output, _) = await Check(response);

            exit.Should().Be(ExitCodes.DriftFound);
            output.Split('\n').Should().NotContain(line => line.StartsWith("clean"));
            output.Should().Contain("\\n");
        }

        [Test]
        public async Task Without_a_file_on_a_terminal_it_asks_for_one_instead_of_waiting()
        {
            var cli = new CliRunner { Interactive = true };

            var (exit, _, error) = await cli.RunAsync("drift-check");

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("standard input");
        }
    }
}
