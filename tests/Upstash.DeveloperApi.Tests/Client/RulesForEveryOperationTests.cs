using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Secrets;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    /// <summary>
    /// The hand-written concerns apply to every operation by rule, from one place: which operations
    /// issue credentials, how secrets are masked in any model, how a list survives a bad item, what
    /// logs carry, how URIs are reused.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class RulesForEveryOperationTests
    {
        private static UpstashClient Client(Func<HttpRequestMessage, HttpResponseMessage> respond, CapturingLogger? logger = null) =>
            new(new HttpClient(new StubHandler(respond)), TestCredentials.Create(), new UpstashClientOptions { MaxRetries = 0 }, logger);

        private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        private static IEnumerable<string> CredentialResets() => ApiOperations.All.Where(o => o.IssuesCredentials).Select(o => o.Id);

        [Test]
        public void The_operations_that_issue_credentials_are_found_by_rule()
        {
            var found = CredentialResets().ToList();
            found.Should().Contain(SpecDocument.Seed.Id, "the seed's Reset QStash Token issues a new token");
            foreach (var operation in SpecDocument.Operations)
            {
                var says = System.Text.RegularExpressions.Regex.IsMatch(operation.Operation.Summary ?? "", @"^(Reset|Rotate)\b");
                if (says && operation.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
                    found.Should().Contain(operation.Id, $"{operation} says it resets a credential");
                if (found.Contains(operation.Id))
                    ApiOperations.Get(operation.Id).IsIdempotent.Should().BeFalse($"{operation} changes a credential: it is never repeated");
                if (!says && !operation.Id.StartsWith("reset", StringComparison.OrdinalIgnoreCase) && !operation.Id.StartsWith("rotate", StringComparison.OrdinalIgnoreCase))
                    found.Should().NotContain(operation.Id, $"{operation} does not say it resets a credential");
            }
        }

        [Test]
        public async Task Every_operation_sends_a_User_Agent_that_names_the_package_and_its_version()
        {
            var agents = new System.Collections.Concurrent.ConcurrentBag<string>();
            using var upstash = Client(request =>
            {
                agents.Add(string.Join(" ", request.Headers.GetValues("User-Agent")));
                return Json("{}", HttpStatusCode.ServiceUnavailable);
            });
            var version = typeof(UpstashClient).Assembly.GetName().Version!;

            foreach (var operation in SpecDocument.Operations)
                await FluentActions.Awaiting(() => OperationInvoker.InvokeAsync(upstash, operation)).Should().ThrowAsync<UpstashApiException>();

            agents.Should().HaveCount(SpecDocument.Operations.Count());
            agents.Should().OnlyContain(a => a.StartsWith($"Upstash.DeveloperApi/{version.Major}.{version.Minor}.{version.Build}", StringComparison.Ordinal) && a.Contains("(.NET "), "like the Azure SDK: package/version (runtime; OS)");
        }

        [TestCaseSource(nameof(CredentialResets))]
        public async Task A_500_on_a_credential_reset_is_an_unknown_outcome_that_says_what_may_be_rotated(string operationId)
        {
            using var upstash = Client(_ => Json("{\"error\":\"boom\"}", HttpStatusCode.InternalServerError));
            var subject = ApiOperations.Get(operationId).CredentialSubject!;

            var call = () => OperationInvoker.InvokeAsync(upstash, SpecDocument.Operations.Single(o => o.Id == operationId));

            var thrown = (await call.Should().ThrowAsync<UpstashOutcomeUnknownException>()).Which;
            thrown.Reason.Should().Be(UpstashOutcomeUnknownReason.ServerError);
            thrown.Message.Should().Contain($"{subject} may already have been rotated").And.Contain("Upstash console");
        }

        [Test]
        public async Task Other_operations_never_speak_of_tokens_or_QStash()
        {
            using var upstash = Client(_ => Json("{\"error\":\"boom\"}", HttpStatusCode.InternalServerError));

            var thrown = (await ((Func<Task>)(() => upstash.Redis.CreateDatabaseAsync(new CreateDatabaseRequest { DatabaseName = "x", Platform = "aws", PrimaryRegion = "us-east-1" }))).Should().ThrowAsync<UpstashOutcomeUnknownException>()).Which;

            thrown.Message.Should().Contain("'Create Redis Database' may or may not have taken effect").And.NotContain("token").And.NotContain("QStash");
        }

        [Test]
        public async Task A_new_password_cut_off_by_a_broken_body_is_unreadable_and_the_raw_body_is_kept()
        {
            var example = (JObject)ExampleAssemblerFor("resetPassword");
            var json = example.ToString(Formatting.None);
            var cut = json.Substring(0, json.IndexOf("\"password\"", StringComparison.Ordinal) + 14);
            using var upstash = Client(_ => Json(cut));

            var call = () => upstash.Redis.ResetDatabasePasswordAsync("db-1");

            var thrown = (await call.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which;
            thrown.Message.Should().Contain("The password HAS been rotated").And.NotContain(example.Value<string>("password")!);
            thrown.GetRawResponseBody().Should().Be(cut);
        }

        [Test]
        public void A_model_s_text_gives_a_list_field_as_its_number_of_items_not_as_a_list()
        {
            var database = new Database { DatabaseName = "orders", ReadRegions = new[] { "us-east-1", "us-west-1" }, AllowedIpRanges = new[] { "10.0.0.0/8" } };

            var text = database.ToString();

            text.Should().Contain("ReadRegions = (2 items)").And.Contain("AllowedIpRanges = (1 item)").And.NotContain("[");
        }

        [Test]
        public async Task Every_model_masks_its_secret_fields_documented_or_not_and_keeps_them()
        {
            var database = (JObject)ExampleAssemblerFor("getDatabase");
            database["session_secret"] = "an-undocumented-secret-value";
            using var upstash = Client(_ => Json(database.ToString(Formatting.None)));

            var result = await upstash.Redis.GetDatabaseAsync("db-1");

            var text = result.ToString();
            text.Should().Contain("Password = ***").And.Contain("RestToken = ***").And.Contain("ReadOnlyRestToken = ***").And.Contain("DatabaseName = MyRedis");
            foreach (var secret in new[] { result.Password!, result.RestToken!, result.ReadOnlyRestToken!, "an-undocumented-secret-value" })
                text.Should().NotContain(secret);
            result.AdditionalProperties["session_secret"].Should().Be("an-undocumented-secret-value", "an undocumented field is kept, only never shown");
            text.Should().Contain("UnknownFields = 1");
        }

        [Test]
        public void The_vector_and_search_models_mask_their_tokens_too()
        {
            new VectorIndex { Token = "vector-token-value", ReadOnlyToken = "read-only-value", Name = "idx" }.ToString()
                .Should().Contain("Token = ***").And.Contain("ReadOnlyToken = ***").And.NotContain("vector-token-value").And.NotContain("read-only-value");
            var search = new SearchIndex();
            foreach (var property in typeof(SearchIndex).GetProperties().Where(p => p.PropertyType == typeof(string) && SecretNames.IsSecret(p.Name)))
                property.SetValue(search, "search-secret-" + property.Name);
            typeof(SearchIndex).GetProperties().Count(p => SecretNames.IsSecret(p.Name)).Should().BeGreaterThan(0);
            search.ToString().Should().NotContain("search-secret-");
        }

        [Test]
        public async Task A_list_keeps_an_item_with_a_bad_field_naming_the_field_and_leaves_out_what_is_not_an_item()
        {
            var item = (JObject)ExampleAssemblerFor("getDatabase");
            var bad = (JObject)item.DeepClone();
            bad["port"] = "not-a-number";
            var body = new JArray(item, bad, item, 42).ToString(Formatting.None);
            using var upstash = Client(_ => Json(body));

            var list = await upstash.Redis.ListDatabasesAsync();
            var one = await new UpstashClient(new HttpClient(new StubHandler(_ => Json(bad.ToString(Formatting.None)))), TestCredentials.Create()).Redis.GetDatabaseAsync("db-1");

            list.Should().HaveCount(3, "the database with a bad field is kept, as GetDatabaseAsync keeps it; the number is left out");
            list[1].Port.Should().BeNull();
            list[1].DatabaseName.Should().Be(one.DatabaseName).And.NotBeNull();
            list[1].ReadIssues.Should().Equal(one.ReadIssues, "an item is read as the model it is");
            list[1].ReadIssues.Should().ContainSingle().Which.Should().Contain("'port'");
            list[0].ReadIssues.Should().BeEmpty();
            ((IReadIssues)list).ReadIssues.Should().HaveCount(2)
                .And.Contain(i => i.Contains("item 1") && i.Contains("'port'") && i.Contains("left null"))
                .And.Contain(i => i.Contains("item 3") && i.Contains("left out"));
            string.Join(" ", ((IReadIssues)list).ReadIssues).Should().NotContain("not-a-number");
        }

        [Test]
        public async Task A_database_list_with_a_boolean_where_the_document_has_a_string_keeps_every_database()
        {
            // What a new user tried: prometheus_enabled as a JSON boolean made ListDatabasesAsync return nothing.
            var item = (JObject)ExampleAssemblerFor("getDatabase");
            item["prometheus_enabled"] = true;
            using var upstash = Client(_ => Json(new JArray(item, item).ToString(Formatting.None)));

            var list = await upstash.Redis.ListDatabasesAsync();

            list.Should().HaveCount(2);
            list.Should().OnlyContain(d => d.DatabaseName != null && d.Port != null);
            foreach (var database in list)
                (database.PrometheusEnabled != null || database.ReadIssues.Any(i => i.Contains("'prometheus_enabled'")))
                    .Should().BeTrue("the field is read, or left null and named");
        }

        [Test]
        public async Task Logs_carry_the_path_template_never_the_ids_in_it()
        {
            var logger = new CapturingLogger();
            using var upstash = Client(_ => Json(ExampleAssemblerFor("getDatabase").ToString(Formatting.None)), logger);

            await upstash.Redis.GetDatabaseAsync("db-secret-id-42");

            var responded = logger.Entries.Single(e => e.Id.Id == 4100).Values.ToDictionary(v => v.Key, v => v.Value);
            responded["Path"].Should().Be("/redis/database/{id}");
            responded["Operation"].Should().Be("getDatabase");
            logger.AllText().Should().NotContain("db-secret-id-42");
        }

        [Test]
        public void A_uri_with_parameters_is_built_once_for_the_same_path()
        {
            var uris = new OperationUris(new Uri("https://api.example.test"));
            var operation = ApiOperations.Get("getDatabase");

            var first = uris.Resolve(operation, new StringBuilder("redis/database/").Append("db-1").ToString());
            var again = uris.Resolve(operation, new StringBuilder("redis/database/").Append("db-1").ToString());
            var other = uris.Resolve(operation, "redis/database/db-2");

            again.Should().BeSameAs(first, "an equal path, even as another string, reuses its Uri");
            other.Should().NotBeSameAs(first);
            other.ToString().Should().Be("https://api.example.test/v2/redis/database/db-2");
        }

        private static JToken ExampleAssemblerFor(string operationId) =>
            Upstash.DeveloperApi.SpecTools.ExampleAssembler.SuccessResponse(SpecDocument.Operations.Single(o => o.Id == operationId).Operation, out _)!;
    }
}
