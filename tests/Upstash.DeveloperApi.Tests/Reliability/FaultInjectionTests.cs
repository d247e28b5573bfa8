using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    /// <summary>
    /// Faults injected by a WireMock.Net server on 127.0.0.1. Every case ends in a value or a typed,
    /// documented exception, within a bounded time, and without a secret in any message or log line.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    [Category("Reliability")]
    public sealed class FaultInjectionTests
    {
        private static readonly string Token = Examples.Token;

        private sealed class Rig : IDisposable
        {
            public Rig(UpstashClientOptions? options = null)
            {
                Server = LoopbackServer.Start();
                var effective = options ?? new UpstashClientOptions();
                effective.BaseAddress = Server.BaseAddress();
                Client = new QStashClient(new HttpClient(), TestCredentials.Create(), effective, Logger);
            }

            public WireMockServer Server { get; }
            public CapturingLogger Logger { get; } = new();
            public QStashClient Client { get; }

            public void Answer(IResponseBuilder response) => Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);

            public async Task<UpstashApiException> Fails()
            {
                var call = () => Client.ResetQStashTokenAsync();
                var thrown = (await call.Should().ThrowAsync<UpstashApiException>()).Which;
                AssertNoSecretIn(thrown);
                return thrown;
            }

            public void AssertNoSecretIn(Exception? thrown = null)
            {
                var secrets = new[] { TestCredentials.ApiKey, TestCredentials.ExpectedAuthorization().Substring(6), Token };
                if (thrown != null) Leaks.VisibleText(thrown).ShouldNotContainAny(secrets, "the exception");
                Logger.AllText().ShouldNotContainAny(secrets, "the log");
            }

            public void Dispose()
            {
                Client.Dispose();
                Server.Stop();
                Server.Dispose();
            }
        }

        private static IResponseBuilder Ok(string body, string contentType = "application/json") =>
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body);

        [Test]
        public async Task A_response_slower_than_the_timeout_is_a_timeout_with_an_unknown_outcome()
        {
            using var rig = new Rig(new UpstashClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });
            rig.Answer(Ok(Examples.ResetQStashTokenJson).WithDelay(TimeSpan.FromSeconds(2)));
            var clock = Stopwatch.StartNew();

            var thrown = await rig.Fails();

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.8), "the client gives up at its timeout, not when the server answers");
            await Task.Delay(TimeSpan.FromSeconds(2.5)); // WireMock logs a request once it has answered it
            thrown.Should().BeOfType<UpstashOutcomeUnknownException>().Which.Reason.Should().Be(UpstashOutcomeUnknownReason.Timeout);
            thrown.Message.Should().Contain("may already have been rotated");
            rig.Server.LogEntries.Count().Should().Be(1, "a timeout is never retried: the token may have been rotated");
        }

        [Test]
        public async Task Cancelling_is_not_a_timeout()
        {
            using var rig = new Rig();
            rig.Answer(Ok(Examples.ResetQStashTokenJson).WithDelay(TimeSpan.FromSeconds(5)));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            var call = () => rig.Client.ResetQStashTokenAsync(cancel.Token);

            await call.Should().ThrowAsync<OperationCanceledException>();
        }

        [Test]
        public async Task A_dropped_connection_ends_in_a_typed_exception()
        {
            using var rig = new Rig();
            rig.Answer(Response.Create().WithFault(FaultType.EMPTY_RESPONSE));

            var thrown = await rig.Fails();

            thrown.Should().Match<UpstashApiException>(e => e is UpstashOutcomeUnknownException || e is UpstashUnreadableResponseException);
            rig.Server.LogEntries.Count().Should().Be(1, "the request may have been processed, so it is not repeated");
        }

        [Test]
        public async Task A_malformed_chunk_ends_in_a_typed_exception()
        {
            using var rig = new Rig();
            rig.Answer(Ok(Examples.ResetQStashTokenJson).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

            var call = () => rig.Client.ResetQStashTokenAsync();

            // Either the body survives enough to carry the token, or the failure is typed.
            try
            {
                var user = await call();
                user.Token.Should().NotBeNullOrEmpty();
            }
            catch (UpstashApiException thrown)
            {
                rig.AssertNoSecretIn(thrown);
            }
        }

        [Test]
        public async Task A_refused_connection_is_retried_then_reported_as_not_processed()
        {
            var port = LoopbackServer.FreePort();
            var logger = new CapturingLogger();
            using var client = new QStashClient(new HttpClient(), TestCredentials.Create(),
                new UpstashClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}"), MaxRetries = 2, ConnectRetryDelay = TimeSpan.FromMilliseconds(10) }, logger);

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConnectionException>()).Which;
            thrown.Message.Should().Contain("not processed").And.Contain("3 times");
            logger.Entries.Count(e => e.Id.Id == 4101).Should().Be(2, "two retries were logged");
        }

        [Test]
        public async Task Json_cut_after_the_token_still_yields_the_token()
        {
            using var rig = new Rig();
            var json = Examples.ResetQStashTokenJson;
            var cut = json.Substring(0, json.IndexOf("\"max_retries\"", StringComparison.Ordinal) + 16);
            rig.Answer(Ok(cut));

            var user = await rig.Client.ResetQStashTokenAsync();

            (user.Token == Token).Should().BeTrue("the new token is returned (values are not printed: test output never shows secrets)");
            user.ReadIssues.Should().ContainSingle().Which.Should().Contain("breaks off").And.Contain("kept");
            user.MaxTopics.Should().BeNull("it comes after the break");
            user.ToString().Should().NotContain(Token);
            rig.AssertNoSecretIn();
        }

        [Test]
        public async Task Json_cut_before_the_token_is_unreadable_and_says_the_token_was_rotated()
        {
            using var rig = new Rig();
            var json = Examples.ResetQStashTokenJson;
            rig.Answer(Ok(json.Substring(0, json.IndexOf("\"token\"", StringComparison.Ordinal) + 12)));

            var thrown = await rig.Fails();

            thrown.Should().BeOfType<UpstashUnreadableResponseException>();
            thrown.StatusCode.Should().Be(200);
            thrown.Message.Should().Contain("HAS been rotated");
            thrown.GetRawResponseBody().Should().StartWith("{\"customer_id\"", "the raw body is reachable from code");
        }

        [Test]
        public async Task Malformed_fields_are_left_null_and_the_token_is_kept()
        {
            using var rig = new Rig();
            var body = Examples.ResetQStashToken;
            body["max_retries"] = "twenty";
            body["id"] = new JArray("not", "an-id"); // an id is a string of any form; an array is not one
            body["active"] = new JObject { ["nested"] = true };
            body["creation_time"] = 1.5e300;
            rig.Answer(Ok(body.ToString(Formatting.None)));

            var user = await rig.Client.ResetQStashTokenAsync();

            (user.Token == Token).Should().BeTrue("the new token is returned (values are not printed: test output never shows secrets)");
            (user.Password == body.Value<string>("password")).Should().BeTrue("the new password is returned");
            user.MaxRetries.Should().BeNull();
            user.Id.Should().BeNull();
            user.Active.Should().BeNull();
            user.CreationTime.Should().BeNull();
            user.ReadIssues.Should().HaveCount(4);
            string.Join(" ", user.ReadIssues).Should().NotContain("twenty").And.NotContain("an-id");
            user.MaxTopics.Should().Be(body.Value<int>("max_topics"), "the fields after a bad one are read");
        }

        [Test]
        public async Task Unknown_enum_values_and_unknown_fields_are_kept()
        {
            using var rig = new Rig();
            var body = Examples.ResetQStashToken;
            body["state"] = "suspended";
            body["reserved_type"] = "";
            body["new_limit"] = 42;
            rig.Answer(Ok(body.ToString(Formatting.None)));

            var user = await rig.Client.ResetQStashTokenAsync();

            user.State!.Value.ToString().Should().Be("suspended");
            user.State.Value.IsKnown.Should().BeFalse();
            user.ReservedType!.Value.ToString().Should().BeEmpty();
            user.HasReservedPlan.Should().BeFalse("the document says an empty reserved_type means no reserved plan");
            user.AdditionalProperties.Should().ContainKey("new_limit");
            JToken.Parse(JsonConvert.SerializeObject(user))["state"]!.Value<string>().Should().Be("suspended", "unknown values round-trip");
        }

        [TestCase("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", "not JSON")]
        [TestCase("", "application/json", "empty")]
        [TestCase("null", "application/json", "not a JSON object")]
        [TestCase("[1,2,3]", "application/json", "not a JSON object")]
        [TestCase("{\"token\":", "application/json", "breaks off")]
        [TestCase("Service temporarily unavailable", "text/plain", "not JSON")]
        public async Task A_200_that_is_not_the_documented_json_is_unreadable(string body, string contentType, string reason)
        {
            using var rig = new Rig();
            rig.Answer(Ok(body, contentType));

            var thrown = await rig.Fails();

            thrown.Should().BeOfType<UpstashUnreadableResponseException>();
            thrown.Message.Should().Contain(reason);
        }

        [Test]
        public async Task Json_with_a_wrong_content_type_is_read_and_noted()
        {
            using var rig = new Rig();
            rig.Answer(Ok(Examples.ResetQStashTokenJson, "text/plain"));

            var user = await rig.Client.ResetQStashTokenAsync();

            (user.Token == Token).Should().BeTrue("the new token is returned (values are not printed: test output never shows secrets)");
            user.ReadIssues.Should().ContainSingle().Which.Should().Contain("text/plain");
        }

        [Test]
        public async Task A_very_large_body_is_refused_without_reading_it_all()
        {
            using var rig = new Rig(new UpstashClientOptions { MaxResponseBytes = 64 * 1024 });
            var huge = "{\"token\":\"" + Token + "\",\"padding\":\"" + new string('x', 4 * 1024 * 1024) + "\"}";
            rig.Answer(Ok(huge));

            var thrown = await rig.Fails();

            thrown.Should().BeOfType<UpstashUnreadableResponseException>();
            thrown.Message.Should().Contain("larger than 65536 bytes");
        }

        [Test]
        public async Task An_html_error_page_with_an_error_status_is_typed_and_not_quoted()
        {
            using var rig = new Rig();
            rig.Answer(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>upstream " + Token + "</html>"));

            var thrown = await rig.Fails();

            thrown.Should().BeOfType<UpstashUnexpectedStatusException>();
            thrown.ErrorText.Should().BeNull();
        }

        [Test]
        public async Task A_429_with_a_short_Retry_After_is_retried_and_succeeds()
        {
            using var rig = new Rig();
            rig.Server.Given(Request.Create().UsingAnyMethod()).InScenario("rate").WillSetStateTo("open")
               .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
            rig.Server.Given(Request.Create().UsingAnyMethod()).InScenario("rate").WhenStateIs("open")
               .RespondWith(Ok(Examples.ResetQStashTokenJson));

            var user = await rig.Client.ResetQStashTokenAsync();

            (user.Token == Token).Should().BeTrue("the new token is returned (values are not printed: test output never shows secrets)");
            rig.Server.LogEntries.Count().Should().Be(2);
            (rig.Server.LogEntries.Last().RequestMessage.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization()).Should().BeTrue("the retry carries the credentials too");
            rig.AssertNoSecretIn();
        }

        [TestCase(429, "120", typeof(UpstashRateLimitException))]
        [TestCase(503, "120", typeof(UpstashServerException))]
        [TestCase(429, null, typeof(UpstashRateLimitException))]
        [TestCase(503, null, typeof(UpstashServerException))]
        public async Task A_long_or_missing_Retry_After_is_not_waited_for(int status, string? retryAfter, Type expected)
        {
            using var rig = new Rig();
            var response = Response.Create().WithStatusCode(status);
            if (retryAfter != null) response = response.WithHeader("Retry-After", retryAfter);
            rig.Answer(response);

            var thrown = await rig.Fails();

            thrown.Should().BeOfType(expected);
            thrown.RetryAfter.Should().Be(retryAfter == null ? null : TimeSpan.FromSeconds(int.Parse(retryAfter)));
            rig.Server.LogEntries.Count().Should().Be(1, "only a bounded Retry-After proves it is worth waiting");
        }

        [Test]
        public async Task A_500_is_never_retried()
        {
            using var rig = new Rig();
            rig.Answer(Response.Create().WithStatusCode(500).WithHeader("Retry-After", "1"));

            var thrown = await rig.Fails();

            thrown.Should().BeOfType<UpstashOutcomeUnknownException>();
            rig.Server.LogEntries.Count().Should().Be(1);
        }

        [Test]
        public async Task Retries_are_bounded()
        {
            using var rig = new Rig(new UpstashClientOptions { MaxRetries = 2 });
            rig.Answer(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));

            var thrown = await rig.Fails();

            thrown.Should().BeOfType<UpstashServerException>();
            rig.Server.LogEntries.Count().Should().Be(3, "one call and two retries");
        }
    }
}
