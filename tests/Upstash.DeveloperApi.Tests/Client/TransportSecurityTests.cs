using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Upstash.DeveloperApi.Tests.Client
{
    [TestFixture]
    public sealed class TransportSecurityTests
    {
        [TestCase("http://api.example.net")]
        [TestCase("http://10.1.2.3:8080")]
        public async Task Credentials_are_never_sent_over_plain_http_to_a_remote_host(string baseAddress)
        {
            var handler = new StubHandler(_ => throw new AssertionException("nothing may be sent"));

            // In the options: refused when the client is made.
            var create = () => new QStashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = new Uri(baseAddress) });
            create.Should().Throw<ArgumentException>().Which.Message.Should().Contain("https").And.NotContain(TestCredentials.ApiKey);

            // As the HttpClient's base address, which the client sees only at the call: refused there.
            using var client = new QStashClient(new HttpClient(handler) { BaseAddress = new Uri(baseAddress) }, TestCredentials.Create());
            var call = () => client.ResetQStashTokenAsync();
            (await call.Should().ThrowAsync<UpstashConfigurationException>()).Which.Message.Should().Contain("https").And.NotContain(TestCredentials.ApiKey);
            handler.Requests.Should().BeEmpty();
        }

        [TestCase("http://127.0.0.1:1")]
        [TestCase("http://localhost:1")]
        [TestCase("http://[::1]:1")]
        public async Task Plain_http_is_allowed_to_loopback_addresses(string baseAddress)
        {
            var handler = new StubHandler(_ => StubHandler.Json(Examples.ResetQStashTokenJson));
            using var client = new QStashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = new Uri(baseAddress) });

            var user = await client.ResetQStashTokenAsync();

            user.Token.Should().NotBeNullOrEmpty();
        }

        [Test]
        public async Task The_library_s_own_HttpClient_never_sends_back_a_cookie_the_service_set()
        {
            using var server = new RawTcpServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    var body = Examples.ResetQStashTokenJson;
                    await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: session=tok-from-the-service; Path=/\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
                }
            });
            using var client = new QStashClient(TestCredentials.Create(), new UpstashClientOptions { BaseAddress = server.BaseAddress });

            await client.ResetQStashTokenAsync();
            await client.ResetQStashTokenAsync();

            server.RequestHeads.Should().HaveCount(2);
            server.RequestHeads.Should().NotContain(head => head.Contains("Cookie:", StringComparison.OrdinalIgnoreCase), "a Basic-auth client keeps no cookie jar");
        }

        [Test]
        public async Task A_client_without_credentials_refuses_to_call()
        {
            var handler = new StubHandler(_ => throw new AssertionException("nothing may be sent"));
            using var http = new HttpClient(handler);
            using var context = Clients.UpstashClientContext.FromSources(() => http, () => new Clients.ClientSettings(null, new UpstashClientOptions()), null);
            var client = new QStashClient(context);

            var call = () => client.ResetQStashTokenAsync();

            (await call.Should().ThrowAsync<UpstashConfigurationException>()).Which.Message.Should().Contain("UPSTASH_API_KEY");
        }

        [Test]
        public async Task A_redirect_to_another_host_never_carries_the_Authorization_header()
        {
            using var target = LoopbackServer.Start();
            target.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json").WithBody(Examples.ResetQStashTokenJson));
            using var origin = LoopbackServer.Start();
            // Same machine, another host name: 127.0.0.1 redirects to localhost.
            var elsewhere = new UriBuilder(target.BaseAddress()) { Host = "localhost", Path = "/qstash/user/rotatetoken" }.Uri;
            origin.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", elsewhere.ToString()));

            // A caller's HttpClient that follows redirects (the .NET default).
            using var client = new QStashClient(new HttpClient(), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = origin.BaseAddress() });
            try { await client.ResetQStashTokenAsync(); } catch (UpstashApiException) { /* the outcome is not the point */ }

            origin.LogEntries.Single().RequestMessage.Headers!.Should().ContainKey("Authorization");
            target.LogEntries.Count().Should().BePositive("the HttpClient followed the redirect");
            foreach (var entry in target.LogEntries)
                entry.RequestMessage.Headers!.Keys.Should().NotContain("Authorization");
        }

        [Test]
        public async Task The_client_s_own_HttpClient_does_not_follow_redirects_at_all()
        {
            using var origin = LoopbackServer.Start();
            origin.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "http://localhost:1/elsewhere"));
            using var client = new QStashClient(TestCredentials.Create(), new UpstashClientOptions { BaseAddress = origin.BaseAddress() });

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashUnexpectedStatusException>()).Which;
            thrown.StatusCode.Should().Be(302);
            thrown.Message.Should().Contain("redirect");
        }
    }
}
