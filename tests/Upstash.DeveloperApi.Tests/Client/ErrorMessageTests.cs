using System;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    [TestFixture]
    public sealed class ErrorMessageTests
    {
        private static async Task<UpstashApiException> Fail(int status, string body, string contentType = "application/json", Action<HttpResponseMessage>? headers = null)
        {
            var handler = new StubHandler(_ =>
            {
                var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
                headers?.Invoke(response);
                return response;
            });
            using var client = new QStashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { MaxRetries = 0 });
            var call = () => client.ResetQStashTokenAsync();
            return (await call.Should().ThrowAsync<UpstashApiException>()).Which;
        }

        [Test]
        public async Task An_error_body_with_a_byte_order_mark_is_read_like_one_without()
        {
            var thrown = await Fail(400, "\uFEFF{\"error\":\"bad key\",\"hint\":\"pw=hunter2\"}");

            thrown.ErrorText.Should().Be("bad key", "only the error field is quoted");
            thrown.Message.Should().Contain("bad key").And.NotContain("hunter2").And.NotContain("hint");
        }

        [Test]
        public async Task A_json_array_error_body_is_not_quoted()
        {
            var thrown = await Fail(400, "[{\"error\":\"bad\",\"pw\":\"hunter2\"}]");

            thrown.ErrorText.Should().BeNull();
            thrown.Message.Should().NotContain("hunter2").And.NotContain("[");
        }

        [Test]
        public async Task The_key_a_request_was_sent_with_is_masked_even_when_the_credentials_changed_meanwhile()
        {
            // As a reloaded Upstash:ApiKey does through the options monitor: the settings of each call are read anew.
            const string oldKey = "ok";
            var current = new Clients.ClientSettings(new UpstashCredentials("old@example.com", oldKey), new UpstashClientOptions { MaxRetries = 0 });
            var handler = new StubHandler(request =>
            {
                current = new Clients.ClientSettings(new UpstashCredentials("new@example.com", "another-key"), new UpstashClientOptions { MaxRetries = 0 });
                return new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden) { Content = new StringContent("{\"error\":\"key ok is not allowed here\"}") };
            });
            using var http = new HttpClient(handler);
            using var context = Clients.UpstashClientContext.FromSources(() => http, () => current, null);
            var client = new QStashClient(context);

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashAuthorizationException>()).Which;
            thrown.ErrorText.Should().Be("key *** is not allowed here", "the key the request carried is scrubbed, not the client's current one");
            thrown.Message.Should().NotContain(" ok ");
        }

        [Test]
        public async Task A_401_tells_which_variables_to_check()
        {
            var thrown = await Fail(401, "\"Unauthorized\"");

            thrown.Should().BeOfType<UpstashAuthenticationException>();
            thrown.Message.Should().Contain("UPSTASH_EMAIL").And.Contain("UPSTASH_API_KEY");
            thrown.Should().BeOfType<UpstashAuthenticationException>();
        }

        [Test]
        public async Task A_429_carries_Retry_After()
        {
            var thrown = await Fail(429, "slow down", "text/plain", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42)));

            thrown.Should().BeOfType<UpstashRateLimitException>();
            thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(42));
            thrown.Message.Should().Contain("42 s");
            thrown.ErrorText.Should().Be("slow down");
        }

        [Test]
        public async Task An_html_error_page_is_not_quoted()
        {
            var thrown = await Fail(503, "<html><body>Gateway says token=abcdefghijklmnopqrstuvwxyz</body></html>", "text/html");

            thrown.Should().BeOfType<UpstashServerException>();
            thrown.ErrorText.Should().BeNull();
            thrown.Message.Should().NotContain("html").And.NotContain("abcdefghijklmnopqrstuvwxyz");
            thrown.GetRawResponseBody().Should().Contain("Gateway says", "the raw body stays reachable from code");
        }

        [Test]
        public async Task Credential_shaped_text_in_an_error_is_masked()
        {
            var thrown = await Fail(400, "{\"error\":\"bad token ZXhhbXBsZUB1cHN0YXNoLmNvbTpuYWJlcg== given\"}");

            thrown.ErrorText.Should().Be("bad token *** given");
            thrown.Message.Should().NotContain("ZXhhbXBsZUB1cHN0YXNoLmNvbTpuYWJlcg==");
        }

        [TestCase(201)]
        [TestCase(204)]
        public async Task A_success_status_the_document_does_not_list_is_unreadable_and_says_so(int status)
        {
            var thrown = await Fail(status, "");

            thrown.Should().BeOfType<UpstashUnreadableResponseException>();
            thrown.StatusCode.Should().Be(status);
            thrown.Operation.Should().Be(SpecDocument.Seed.Id);
            thrown.Message.Should().Contain("does not list status " + status).And.Contain("HAS been rotated");
        }

        [Test]
        public async Task An_unlisted_status_is_an_unexpected_status()
        {
            var thrown = await Fail(418, "{}");

            thrown.Should().BeOfType<UpstashUnexpectedStatusException>();
            thrown.StatusCode.Should().Be(418);
        }
    }
}
