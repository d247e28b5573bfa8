using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    /// <summary>UpstashClient.SendGetAsync: a GET operation's answer unread, through the client's own steps, for contract checks.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class SendGetTests
    {
        [Test]
        public async Task A_GET_goes_out_as_its_typed_method_sends_it_and_any_status_comes_back_unread()
        {
            var handler = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/missing", StringComparison.Ordinal)
                ? StubHandler.Json("{\"error\":\"no such database\"}", HttpStatusCode.NotFound)
                : StubHandler.Json("{\"database_id\":\"db 1\",\"password\":\"p4ss-w0rd-value\"}"));
            using var upstash = new UpstashClient(new HttpClient(handler), TestCredentials.Create());

            var found = await upstash.SendGetAsync("getDatabase", new Dictionary<string, string> { ["id"] = "db 1/2" });
            var missing = await upstash.SendGetAsync("getDatabase", new Dictionary<string, string> { ["id"] = "missing" });

            var sent = handler.Requests.First();
            sent.Method.Should().Be(HttpMethod.Get);
            sent.RequestUri!.AbsoluteUri.Should().Be("https://api.upstash.com/v2/redis/database/db%201%2F2");
            sent.Headers.Authorization!.Scheme.Should().Be("Basic");
            sent.Headers.UserAgent.ToString().Should().StartWith("Upstash.DeveloperApi/");
            found.Status.Should().Be(200);
            found.MediaType.Should().Be("application/json");
            found.GetBody().Should().Contain("\"database_id\"");
            found.ToString().Should().NotContain("p4ss-w0rd-value", "the body is never part of the text");
            missing.Status.Should().Be(404, "an error status is an answer here, not an exception");
        }

        [Test]
        public void Only_GET_operations_of_the_document_with_every_path_value_can_be_sent()
        {
            using var upstash = new UpstashClient(new HttpClient(new StubHandler(_ => throw new AssertionException("nothing may be sent"))), TestCredentials.Create());

            ((Func<Task>)(() => upstash.SendGetAsync("resetQStashToken", new Dictionary<string, string> { ["id"] = "q" }))).Should().ThrowAsync<ArgumentException>().Result.Which.Message.Should().Contain("only GET");
            ((Func<Task>)(() => upstash.SendGetAsync("noSuchOperation"))).Should().ThrowAsync<ArgumentException>().Result.Which.Message.Should().Contain("no operation");
            ((Func<Task>)(() => upstash.SendGetAsync("getDatabase"))).Should().ThrowAsync<ArgumentException>().Result.Which.ParamName.Should().Be("id");
        }
    }
}
