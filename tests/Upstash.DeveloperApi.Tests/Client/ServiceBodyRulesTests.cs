using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Secrets;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    /// <summary>
    /// What the service really sends (shared/evidence/real-clients.md, "Bodies"), read by rule for every
    /// operation: acknowledgements, error bodies, success statuses the document does not list, and error
    /// text with only credential-shaped values masked.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class ServiceBodyRulesTests
    {
        private static UpstashClient Client(Func<HttpRequestMessage, HttpResponseMessage> respond) =>
            new(new HttpClient(new StubHandler(respond)), TestCredentials.Create(), new UpstashClientOptions { MaxRetries = 0 });

        private static HttpResponseMessage Answer(HttpStatusCode status, string body, string? mediaType) =>
            new(status) { Content = mediaType == null ? new ByteArrayContent(Encoding.UTF8.GetBytes(body)) : new StringContent(body, Encoding.UTF8, mediaType) };

        private static IEnumerable<string> Acknowledgements() =>
            SpecDocument.Operations.Where(o => StrictContract.ResultTypeOf(o) == typeof(UpstashResponse)).Select(o => o.Id);

        private static IEnumerable<string> ModelResults() =>
            SpecDocument.Operations.Where(o => StrictContract.ResultTypeOf(o) is { } t && t != typeof(UpstashResponse) && ExampleAssembler.SuccessResponse(o.Operation, out _) != null).Select(o => o.Id);

        private static SpecOperation Operation(string id) => SpecDocument.Operations.Single(o => o.Id == id);

        [Test]
        public void The_document_has_acknowledgements_and_models_to_try() // the sources below are not empty
        {
            Acknowledgements().Should().NotBeEmpty();
            ModelResults().Should().NotBeEmpty();
        }

        [TestCaseSource(nameof(Acknowledgements))]
        public async Task An_acknowledgement_is_a_success_as_an_empty_body_as_the_JSON_string_OK_and_as_plain_OK(string id)
        {
            foreach (var (body, mediaType) in new[] { ("", (string?)null), ("", "application/json"), ("\"OK\"", "application/json"), ("OK", "text/plain") })
            {
                using var upstash = Client(_ =>
                {
                    var answer = Answer(HttpStatusCode.OK, body, mediaType);
                    answer.Headers.Add("X-Request-Id", "r-1");
                    return answer;
                });

                var result = await OperationInvoker.InvokeAsync(upstash, Operation(id));

                var success = result.Should().BeOfType<UpstashResponse>($"{id} answered 200 with '{body}' ({mediaType ?? "no content type"})").Which;
                success.Status.Should().Be(200);
                success.Headers["x-request-id"].Should().Equal("r-1");
                if (mediaType != null) success.Headers["content-type"].Single().Should().StartWith(mediaType, "content headers are there too");
                success.ReadIssues.Should().BeEmpty();
            }
        }

        [TestCaseSource(nameof(Acknowledgements))]
        public async Task An_acknowledgement_whose_body_is_something_else_is_a_success_that_says_so_without_quoting_it(string id)
        {
            foreach (var (body, mediaType) in new[] { ("<html>Sign in to the Wi-Fi</html>", "text/html"), ("{\"password\":\"p4ss-w0rd-value\"}", "application/json") })
            {
                using var upstash = Client(_ => Answer(HttpStatusCode.OK, body, mediaType));

                var success = (UpstashResponse)(await OperationInvoker.InvokeAsync(upstash, Operation(id)))!;

                success.ReadIssues.Should().ContainSingle().Which.Should().Contain("not the acknowledgement").And.Contain(mediaType).And.NotContain("p4ss").And.NotContain("Wi-Fi");
            }
        }

        [TestCase("{\"error\":\"database name is taken\"}", "application/json")]
        [TestCase("{\"message\":\"database name is taken\"}", "application/json")]
        [TestCase("\"database name is taken\"", "application/json")]
        [TestCase("database name is taken", "text/plain")]
        [TestCase("database name is taken", null)]
        public async Task Each_error_body_shape_brings_the_service_s_words_and_the_status_alone_decides_the_type(string body, string? mediaType)
        {
            foreach (var (status, type) in new[] { (HttpStatusCode.BadRequest, typeof(UpstashRequestRejectedException)), (HttpStatusCode.NotFound, typeof(UpstashNotFoundException)), (HttpStatusCode.Forbidden, typeof(UpstashAuthorizationException)) })
            {
                using var upstash = Client(_ => Answer(status, body, mediaType));

                var call = () => upstash.Redis.GetDatabaseAsync("db-1");

                var thrown = (await call.Should().ThrowAsync<UpstashApiException>()).Which;
                thrown.GetType().Should().Be(type, $"{(int)status} decides the type, whatever the body's shape");
                thrown.ErrorText.Should().Be("database name is taken");
                thrown.Message.Should().Contain("\"database name is taken\"");
            }
        }

        [Test]
        public async Task Error_text_keeps_a_URL_path_and_masks_only_what_is_shaped_like_a_credential()
        {
            const string token = "AXXXAAIjcDE5ZmQyYjYwNjk4ZDQ0NTE4YjZlN2Q4MDFhM2FiOTA0N3AxMA";
            const string uuidKey = "2f1c8a34-7d2e-4b6f-9a0c-5e8d1b3f7a92";
            var text = $"no route for POST /v2/qstash/rotate-token/eu-central-1 (see https://upstash.com/docs/devops/developer-api/qstash/reset_token); rejected token {token} and key {uuidKey}";
            using var upstash = Client(_ => Answer(HttpStatusCode.BadRequest, JsonConvert.SerializeObject(new { error = text }), "application/json"));

            var thrown = (await ((Func<Task>)(() => upstash.Redis.GetDatabaseAsync("db-1"))).Should().ThrowAsync<UpstashApiException>()).Which;

            thrown.ErrorText.Should().Contain("/v2/qstash/rotate-token/eu-central-1").And.Contain("https://upstash.com/docs/devops/developer-api/qstash/reset_token");
            thrown.ErrorText.Should().NotContain(token).And.NotContain(uuidKey).And.Contain("rejected token ***");
            thrown.Message.Should().NotContain(token).And.NotContain(uuidKey);
        }

        [Test]
        public void The_credential_shape_rule_tells_words_from_secrets()
        {
            foreach (var ordinary in new[] { "/v2/redis/database/my-cache-eu", "disable-autoupgrade-for-database", "https://api.upstash.com/v2/teams", "read_only_rest_token_is_required" })
                Redaction.MaskCredentialShaped(ordinary).Should().Be(ordinary);
            foreach (var secret in new[] { "ZXhhbXBsZUB1cHN0YXNoLmNvbTpuYWJlcg==", "qwhdjskalqoeirutyzmxnbv", "a8f3k2j4h5g6d7s8a9q0w1e2", "96ad0856-03b1-4ee7-9666-e81abd0349e1", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl" })
                Redaction.MaskCredentialShaped("x " + secret + " y").Should().Be("x *** y", secret.Length + " characters");
        }

        [TestCaseSource(nameof(ModelResults))]
        public async Task A_201_or_202_whose_body_reads_as_the_documented_result_is_a_success_noted_in_ReadIssues(string id)
        {
            var body = ExampleAssembler.SuccessResponse(Operation(id).Operation, out _)!.ToString(Formatting.None);
            foreach (var status in new[] { HttpStatusCode.Created, HttpStatusCode.Accepted })
            {
                using var upstash = Client(_ => Answer(status, body, "application/json"));

                var result = await OperationInvoker.InvokeAsync(upstash, Operation(id));

                result.Should().NotBeNull();
                ((IReadIssues)result!).ReadIssues.Should().Contain(i => i.Contains($"status was {(int)status}") && i.Contains("does not list"), id);
            }
        }

        [Test]
        public async Task A_201_whose_body_does_not_read_is_unreadable_and_names_the_status()
        {
            using var upstash = Client(_ => Answer(HttpStatusCode.Created, "<html>moved</html>", "text/html"));

            var thrown = (await ((Func<Task>)(() => upstash.Redis.GetDatabaseAsync("db-1"))).Should().ThrowAsync<UpstashUnreadableResponseException>()).Which;

            thrown.Message.Should().Contain("does not list status 201");
        }

        [TestCase("true", "false")]
        [TestCase("\"true\"", "\"false\"")]
        public async Task Backup_flags_read_as_JSON_booleans_and_as_the_strings_true_and_false(string yes, string no)
        {
            var item = (JObject)((JArray)ExampleAssembler.SuccessResponse(SpecDocument.Operations.Single(o => o.Id == "listBackup").Operation, out _)!)[0]!;
            var body = $"[{item.ToString(Formatting.None).Replace("\"daily_backup\":false", "\"daily_backup\":" + yes).Replace("\"hourly_backup\":false", "\"hourly_backup\":" + no)}]";
            body.Should().Contain("\"daily_backup\":" + yes, "the example carries the field");
            using var upstash = Client(_ => Answer(HttpStatusCode.OK, body, "application/json"));

            var backups = await upstash.Redis.ListBackupsAsync("db-1");

            backups.Should().ContainSingle();
            backups[0].DailyBackup.Should().BeTrue();
            backups[0].HourlyBackup.Should().BeFalse();
            backups[0].ReadIssues.Should().BeEmpty();
        }
    }
}
