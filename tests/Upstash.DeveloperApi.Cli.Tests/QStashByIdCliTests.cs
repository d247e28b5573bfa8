using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>The CLI and QStash users by id: rotate-token --qstash-id, the 404 advice, list-qstash-users.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class QStashByIdCliTests
    {
        private const string UserId = "3f7b2a10-5c1e-4d8a-9b6f-2e4c8a1d0f93";

        /// <summary>A QStash user as the by-id calls answer it: the seed's example with a read-only token and a region, under another id.</summary>
        private static JObject User(string id, string region)
        {
            var user = Examples.ResetQStashToken;
            user["id"] = id;
            user["region"] = region;
            user["read_only_token"] = "cmVhZC1vbmx5LXRva2VuLWZvci10ZXN0cy0xMjM0NTY3ODk=";
            return user;
        }

        [Test]
        public async Task Rotate_token_with_qstash_id_sends_one_POST_to_the_by_id_path()
        {
            using var api = LoopbackServer.Start();
            api.Given(Request.Create().UsingPost().WithPath($"/v2/qstash/rotate-token/{UserId}"))
               .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(User(UserId, "us-east-1").ToString(Formatting.None)));

            var (exit, output, _) = await CliInputTests.Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--qstash-id", UserId, "--format", "env", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Ok);
            api.LogEntries.Should().ContainSingle().Which.RequestMessage.Path.Should().Be($"/v2/qstash/rotate-token/{UserId}");
            var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]).ToList();
            names.Should().Equal("QSTASH_TOKEN", "QSTASH_PASSWORD", "QSTASH_READ_ONLY_TOKEN");
        }

        [Test]
        public async Task Rotate_token_with_qstash_id_keeps_the_read_only_token_in_the_output_file_and_nowhere_else()
        {
            using var api = LoopbackServer.Start();
            var user = User(UserId, "us-east-1");
            api.Given(Request.Create().UsingPost().WithPath($"/v2/qstash/rotate-token/{UserId}"))
               .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(user.ToString(Formatting.None)));

            var cli = CliInputTests.Authenticated();
            var (exit, output, error) = await cli.RunAsync("rotate-token", "--yes", "--output-file", "qstash.json", "--qstash-id", UserId, "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Ok, error);
            var kept = JObject.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(cli.WorkingDirectory, "qstash.json")));
            (kept.Value<string>("read_only_token") == user.Value<string>("read_only_token")).Should().BeTrue("the file keeps the new secrets");
            (output + error).Contains(user.Value<string>("read_only_token")!).Should().BeFalse("the read-only token is a secret by its name");
        }

        [Test]
        public async Task Without_qstash_id_it_rotates_the_default_user_and_a_404_advises_qstash_id()
        {
            using var api = LoopbackServer.AnsweringTokenReset(404, "{\"error\":\"qstash user not found\"}");

            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.NotFound);
            api.LogEntries.Should().ContainSingle().Which.RequestMessage.Path.Should().Be("/qstash/user/rotatetoken", "without --qstash-id the 1.x call is sent");
            error.Should().Contain("--qstash-id").And.Contain("list-qstash-users").And.Contain("default QStash user");
        }

        [Test]
        public async Task Help_says_what_rotate_token_does_without_qstash_id()
        {
            var (exit, output, _) = await new CliRunner().RunAsync("rotate-token", "--help");

            exit.Should().Be(ExitCodes.Ok);
            output.Should().Contain("--qstash-id").And.Contain("default QStash user").And.Contain("as 1.x did");
        }

        [TestCase("")]
        [TestCase("   ")]
        [TestCase(".")]
        [TestCase("..")]
        public async Task An_empty_qstash_id_is_refused_before_anything_is_sent(string id)
        {
            using var api = LoopbackServer.Start();

            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("rotate-token", "--yes", "--show-secrets", "--qstash-id", id, "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Usage);
            error.Should().Contain("--qstash-id");
            api.LogEntries.Should().BeEmpty();
        }

        [TestCase("text")]
        [TestCase("json")]
        public async Task List_qstash_users_prints_id_region_and_state_and_never_a_secret(string format)
        {
            using var api = LoopbackServer.Start();
            var users = new JArray(User(UserId, "us-east-1"), User("99a4c327-31f0-490f-a594-043ade84085a", "eu-central-1"));
            api.Given(Request.Create().UsingGet().WithPath("/v2/qstash/users"))
               .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(users.ToString(Formatting.None)));

            var (exit, output, error) = await CliInputTests.Authenticated().RunAsync("list-qstash-users", "--format", format, "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Ok);
            api.LogEntries.Should().ContainSingle().Which.RequestMessage.Method.Should().Be("GET");
            output.Should().Contain(UserId).And.Contain("us-east-1").And.Contain("eu-central-1").And.Contain("active");
            foreach (var secret in new[] { Examples.Token, Examples.Password, users[0].Value<string>("read_only_token")! })
                (output + error).Contains(secret).Should().BeFalse("no token or password is ever printed");
            if (format == "json")
                JArray.Parse(output).Select(u => ((JObject)u).Properties().Select(p => p.Name)).Should().AllSatisfy(n => n.Should().Equal("id", "region", "state"));
        }

        [Test]
        public async Task List_qstash_users_keeps_an_id_of_any_form_and_gives_an_unreadable_field_as_null_in_json()
        {
            using var api = LoopbackServer.Start();
            var odd = User("qstash-user-0001", "us-east-1");
            odd["region"] = 5;
            api.Given(Request.Create().UsingGet().WithPath("/v2/qstash/users"))
               .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JArray(odd).ToString(Formatting.None)));

            var (exit, output, error) = await CliInputTests.Authenticated().RunAsync("list-qstash-users", "--format", "json", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Ok, error);
            var user = (JObject)JArray.Parse(output).Single();
            user.Value<string>("id").Should().Be("qstash-user-0001", "an id is passed back as it came, UUID or not");
            user["region"]!.Type.Should().Be(JTokenType.Null, "JSON says 'not readable' as null, not as the table's '-'");
            error.Should().Contain("region");
        }

        [Test]
        public async Task List_qstash_users_says_a_401_as_every_command_does()
        {
            using var api = LoopbackServer.Start();
            api.Given(Request.Create().UsingGet().WithPath("/v2/qstash/users"))
               .RespondWith(Response.Create().WithStatusCode(401).WithBody("{\"error\":\"unauthorized\"}"));

            var (exit, _, error) = await CliInputTests.Authenticated().RunAsync("list-qstash-users", "--base-url", api.BaseAddress().ToString());

            exit.Should().Be(ExitCodes.Authentication);
            error.Should().Contain("401");
        }

        [Test]
        public async Task Verify_contract_takes_the_by_id_QStash_ids_from_listQStashUsers()
        {
            using var server = ExampleServer.Start();
            var listed = SpecDocument.Operations.Single(o => o.Path == "/qstash/users");
            var byId = SpecDocument.Operations.Where(o => o.Method == "get" && o.Operation.Tags.First() == listed.Operation.Tags.First() && o.Path.Contains("{id}")).ToList();

            var (exit, output, _) = await CliInputTests.Authenticated().RunAsync("verify-contract", "--base-url", server.BaseAddress.ToString(), "--format", "json");

            exit.Should().Be(ExitCodes.Ok, output);
            byId.Should().NotBeEmpty("the document has QStash GETs by id");
            var id = ((JArray)ExampleAssembler.SuccessResponse(listed.Operation, out _)!)[0]!.Value<string>("id");
            var report = JObject.Parse(output);
            foreach (var operation in byId)
            {
                report["operations"]!.Single(o => o["operation"]!.Value<string>() == operation.Id)["outcome"]!.Value<string>().Should().Be("conforms", operation.Id);
                server.Requests.Should().Contain(r => r.Path == "/v2" + operation.Path.Replace("{id}", id), $"{operation.Id} used the id listQStashUsers gave");
            }
        }
    }
}
