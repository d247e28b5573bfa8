using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Newtonsoft.Json;
using Upstash.DeveloperApi.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    [TestFixture]
    [Category("Reliability")]
    public sealed class ConcurrencyTests
    {
        public const int Callers = 1000;

        [Test]
        public async Task A_thousand_concurrent_rotations_each_get_their_own_token()
        {
            var served = new ConcurrentDictionary<string, int>();
            var counter = 0;
            using var server = LoopbackServer.Start();
            server.Given(Request.Create().UsingPost().WithPath("/qstash/user/rotatetoken")).RespondWith(Response.Create().WithCallback(_ =>
            {
                var body = Examples.ResetQStashToken;
                var token = $"token-{Interlocked.Increment(ref counter):D5}-{Guid.NewGuid():N}";
                body["token"] = token;
                served[token] = 0;
                return new ResponseMessage
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new BodyData { BodyAsString = body.ToString(Formatting.None), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
                };
            }));
            using var http = new HttpClient();
            using var client = new QStashClient(http, TestCredentials.Create(), new UpstashClientOptions { BaseAddress = server.BaseAddress(), Timeout = TimeSpan.FromSeconds(60) });
            using var start = new ManualResetEventSlim();

            var calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return (await client.ResetQStashTokenAsync()).Token!;
            })).ToArray();
            start.Set();
            var received = await Task.WhenAll(calls);

            received.Should().HaveCount(Callers).And.OnlyHaveUniqueItems("no caller may see another caller's token");
            received.Should().BeSubsetOf(served.Keys, "every token returned was served by the server");
            served.Should().HaveCount(Callers, "every call reached the server exactly once");
            TestContext.Out.WriteLine($"concurrency: {Callers} concurrent rotations, {received.Distinct().Count()} distinct tokens, 0 failures");
        }
    }
}
