using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    /// <summary>NSwag knows only the document-level server (/v2); the token reset has its own path-level server.</summary>
    [TestFixture]
    public sealed class ServerResolutionTests
    {
        private static async Task<Uri> SentUri(UpstashClientOptions? options = null, Uri? httpClientBase = null)
        {
            var handler = new StubHandler(_ => StubHandler.Json(Examples.ResetQStashTokenJson));
            using var http = new HttpClient(handler) { BaseAddress = httpClientBase };
            using var client = new QStashClient(http, TestCredentials.Create(), options);
            await client.ResetQStashTokenAsync();
            return handler.Requests.Single().RequestUri!;
        }

        [Test]
        public async Task Without_a_base_address_the_operation_goes_to_its_path_level_server()
        {
            var operation = SpecDocument.Seed;

            var uri = await SentUri();

            uri.Should().Be(new Uri(operation.Server, operation.Path.TrimStart('/')));
            uri.ToString().Should().Be("https://api.upstash.com/qstash/user/rotatetoken").And.NotContain("/v2/");
        }

        [Test]
        public async Task A_base_address_replaces_the_host_and_keeps_the_operation_path()
        {
            (await SentUri(new UpstashClientOptions { BaseAddress = new Uri("https://proxy.example.net") }))
                .ToString().Should().Be("https://proxy.example.net/qstash/user/rotatetoken");
        }

        [Test]
        public async Task A_base_address_with_a_path_becomes_a_prefix()
        {
            (await SentUri(new UpstashClientOptions { BaseAddress = new Uri("https://proxy.example.net/upstash/") }))
                .ToString().Should().Be("https://proxy.example.net/upstash/qstash/user/rotatetoken");
        }

        [TestCase("https://proxy.example.net/v2")]
        [TestCase("https://proxy.example.net/v2/")]
        [TestCase("https://api.upstash.com/v2")]
        public async Task A_base_address_ending_in_the_document_s_v2_means_that_server_and_v2_is_not_doubled(string baseAddress)
        {
            var host = new Uri(baseAddress).GetLeftPart(UriPartial.Authority);
            var handler = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("rotatetoken") ? StubHandler.Json(Examples.ResetQStashTokenJson) : StubHandler.Json("[]"));
            using var client = new UpstashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = new Uri(baseAddress) });

            await client.Redis.ListDatabasesAsync();
            await client.QStash.ResetQStashTokenAsync();

            handler.Requests.Select(r => r.RequestUri!.ToString()).Should().Equal(host + "/v2/redis/databases", host + "/qstash/user/rotatetoken");
        }

        [TestCase("http://proxy.example.net", "must be https")]
        [TestCase("https://user:pw@proxy.example.net", "user info")]
        public void A_base_address_that_would_carry_credentials_in_clear_text_is_refused_at_construction_naming_BaseAddress(string baseAddress, string reason)
        {
            var create = () => new UpstashClient(new HttpClient(), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = new Uri(baseAddress) });

            var thrown = create.Should().Throw<ArgumentException>().Which;
            thrown.ParamName.Should().Be("BaseAddress");
            thrown.Message.Should().Contain(reason).And.NotContain("pw@");
        }

        [Test]
        public async Task An_HttpClient_base_address_with_user_info_is_refused_without_quoting_it()
        {
            var handler = new StubHandler(_ => StubHandler.Json(Examples.ResetQStashTokenJson));
            using var http = new HttpClient(handler) { BaseAddress = new Uri("https://dev%40example.com:s3cr3t-pw@proxy.example.net/") };
            using var client = new QStashClient(http, TestCredentials.Create());

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConfigurationException>()).Which;
            thrown.Message.Should().Contain("user info").And.NotContain("s3cr3t-pw").And.NotContain("dev%40example.com");
            handler.Requests.Should().BeEmpty("nothing is sent to an address that carries credentials");
        }

        [Test]
        public async Task The_HttpClient_base_address_is_used_when_the_options_have_none()
        {
            (await SentUri(httpClientBase: new Uri("https://eu.example.net/")))
                .ToString().Should().Be("https://eu.example.net/qstash/user/rotatetoken");
        }

        [Test]
        public void The_generated_table_knows_the_document_level_server()
        {
            ApiOperations.DocumentServer.Should().Be(SpecDocument.Document.Servers.Single().Url).And.Be("https://api.upstash.com/v2");
        }

        [Test]
        public void Every_operation_of_the_document_has_its_server_in_the_generated_table()
        {
            foreach (var operation in SpecDocument.Operations)
                ApiOperations.Get(operation.Id).Server.Should().Be(operation.ServerUrl, operation.ToString());
        }
    }
}
