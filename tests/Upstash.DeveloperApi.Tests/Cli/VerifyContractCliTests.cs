using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Cli
{
    /// <summary>upstash-qstash verify-contract: read-only, every GET operation checked, exit codes 0/1/2.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class VerifyContractCliTests
    {
        [Test]
        public async Task A_service_that_answers_as_the_vendored_document_conforms_and_only_GETs_are_sent()
        {
            using var server = ExampleServer.Start();

            var (exit, output, error) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.Ok, output + error);
            var gets = SpecDocument.Operations.Count(o => o.Method == "get");
            output.Should().Contain($"{gets} conform, 0 drift, 0 unexpected status, 0 failed, 0 skipped, of {gets} GET operations");
            output.Should().Contain("conforms          getDatabase").And.Contain("conforms          getTeamMembers", "path ids come from the list operations");
            server.Requests.Select(r => r.Method).Distinct().Should().Equal(new[] { "GET" }, "verify-contract never sends POST, PUT, PATCH or DELETE");
            server.Requests.Should().Contain(r => r.Path == "/v2/redis/database/96ad0856-03b1-4ee7-9666-e81abd0349e1", "getDatabase used the id listDatabases gave");
        }

        [Test]
        public async Task A_service_that_answers_as_an_earlier_revision_is_drift_named_operation_by_operation()
        {
            var earlier = Workflow.UpstreamHistoryTests.History()[0];
            var earlierDocument = EffectiveDocument.Load(earlier.Spec, earlier.Overlay);
            using var server = ExampleServer.Start(earlierDocument);

            var (exit, output, _) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", server.BaseAddress.ToString(), "--format", "json");

            exit.Should().Be(ExitCodes.DriftFound);
            var report = JObject.Parse(output);
            report["conforms"]!.Value<bool>().Should().BeFalse();
            var gone = SpecDocument.Operations.Where(o => o.Method == "get" && !earlierDocument.Paths.ContainsKey(o.Path)).Select(o => o.Id).ToList();
            gone.Should().NotBeEmpty($"the vendored revision has GET paths that {earlier} does not");
            foreach (var id in gone)
                report["operations"]!.Single(o => o["operation"]!.Value<string>() == id)["outcome"]!.Value<string>()
                    .Should().NotBe("conforms", $"{earlier} has no path for {id}");
            report["operations"]!.Where(o => o["outcome"]!.Value<string>() == "conforms").Should().NotBeEmpty();
            output.Should().NotContain("QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4OTA=", "values are never printed");
            server.Requests.Select(r => r.Method).Distinct().Should().Equal("GET");
        }

        [Test]
        public async Task A_field_the_document_does_not_describe_is_reported_as_drift()
        {
            var changed = SpecDocument.Mutated(doc =>
            {
                var properties = (JObject)doc["components"]!["schemas"]!["Team"]!["properties"]!;
                properties["team_region"] = new JObject { ["type"] = "string", ["example"] = "eu-west-1" };
            });
            using var server = ExampleServer.Start(EffectiveDocument.ToOpenApiAsync(changed, "changed").GetAwaiter().GetResult());

            var (exit, output, _) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.DriftFound);
            output.Should().Contain("drift             listTeams").And.Contain("unknown-field").And.Contain("team_region").And.NotContain("eu-west-1");
        }

        [TestCase("--base-url", "not a url")]
        [TestCase("--base-url", "http://api.example.net")]
        [TestCase("--timeout", "0")]
        [TestCase("--format", "xml")]
        public async Task Bad_input_exits_2(string option, string value)
        {
            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("verify-contract", option, value);

            exit.Should().Be(ExitCodes.Usage);
            error.Should().NotBeNullOrWhiteSpace();
        }

        [Test]
        public async Task Missing_credentials_exit_4_as_in_every_command_and_say_which()
        {
            var (exit, _, error) = await new CliRunner().RunAsync("verify-contract");

            exit.Should().Be(ExitCodes.Configuration);
            error.Should().Contain("UPSTASH_EMAIL");
        }
    }
}
