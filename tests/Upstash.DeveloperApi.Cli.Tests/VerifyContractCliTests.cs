using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
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
            var earlier = UpstreamRevisions.History()[0];
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

        [Test]
        public async Task Each_list_is_fetched_once_however_many_by_id_GETs_take_their_ids_from_it()
        {
            using var server = ExampleServer.Start();

            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", server.BaseAddress.ToString());

            exit.Should().Be(ExitCodes.Ok, error);
            var gets = SpecDocument.Operations.Count(o => o.Method == "get");
            server.Requests.Count.Should().Be(gets, "one request per GET operation: a list that gives ids is not fetched again");
        }

        [Test]
        public async Task A_list_that_failed_is_the_skip_reason_of_the_GETs_that_needed_its_ids_and_is_fetched_once()
        {
            using var server = WireMock.Server.WireMockServer.Start();
            server.Given(WireMock.RequestBuilders.Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(500));

            var (exit, output, _) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", server.Urls[0], "--format", "json");

            exit.Should().Be(ExitCodes.DriftFound);
            var getDatabase = JObject.Parse(output)["operations"]!.Single(o => o.Value<string>("operation") == "getDatabase");
            getDatabase.Value<string>("outcome").Should().Be("skipped");
            getDatabase.Value<string>("detail").Should().Contain("listDatabases failed (status 500)");
            server.LogEntries.Count(e => e.RequestMessage.Path == "/v2/redis/databases").Should().Be(1);
        }

        [Test]
        public async Task Credentials_the_API_refuses_exit_10_and_a_refused_connection_exits_18()
        {
            using var refusing = WireMock.Server.WireMockServer.Start();
            refusing.Given(WireMock.RequestBuilders.Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401));

            var (unauthorized, _, error) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", refusing.Urls[0]);
            var (refused, _, notSent) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", $"http://127.0.0.1:{LoopbackServer.FreePort()}");

            unauthorized.Should().Be(ExitCodes.Authentication, error);
            error.Should().Contain("401");
            refused.Should().Be(ExitCodes.ConnectionFailed, notSent);
            notSent.Should().Contain("could not be sent");
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
