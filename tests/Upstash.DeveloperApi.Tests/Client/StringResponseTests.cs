using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    /// <summary>Operations documented to answer a JSON string ("OK") accept it as JSON or as plain text; neither is an error.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class StringResponseTests
    {
        [TestCase("\"OK\"", "application/json", "OK")]
        [TestCase("OK", "text/plain", "OK")]
        [TestCase("OK", "application/json", "OK")]
        [TestCase("", "application/json", "")]
        public async Task A_string_result_is_what_the_service_sent(string body, string contentType, string expected)
        {
            var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, contentType) });
            using var upstash = new UpstashClient(new HttpClient(handler), TestCredentials.Create());

            var result = await upstash.Redis.EnableEvictionAsync("db-1");

            result.Should().Be(expected);
        }
    }
}
