using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Upstash.DeveloperApi.Tests.Contract
{
    /// <summary>Every non-2xx status the document lists, for every operation, raises a typed exception carrying it.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class DocumentedErrorStatusTests
    {
        public static IEnumerable<TestCaseData> DocumentedErrors() =>
            from op in SpecDocument.Operations
            from response in op.Operation.ActualResponses
            where int.TryParse(response.Key, out var status) && status >= 300
            select new TestCaseData(op, int.Parse(response.Key)).SetArgDisplayNames($"{op.Id} {response.Key}");

        public static Type ExpectedType(int status, string method) => status switch
        {
            401 => typeof(UpstashAuthenticationException),
            403 => typeof(UpstashAuthorizationException),
            404 => typeof(UpstashNotFoundException),
            429 => typeof(UpstashRateLimitException),
            500 when method is "post" or "patch" => typeof(UpstashOutcomeUnknownException),
            500 or 503 => typeof(UpstashServerException),
            400 or 405 or 406 => typeof(UpstashRequestRejectedException),
            _ => typeof(UpstashUnexpectedStatusException),
        };

        [TestCaseSource(nameof(DocumentedErrors))]
        public async Task A_documented_error_status_raises_its_typed_exception(SpecOperation operation, int status)
        {
            using var server = LoopbackServer.Start();
            server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status)
                .WithHeader("Content-Type", "application/json").WithBody("{\"error\":\"something went wrong\"}"));
            using var client = new QStashClient(new HttpClient(), TestCredentials.Create(), new QStashClientOptions { BaseAddress = server.BaseAddress(), MaxRetries = 0 });

            var call = () => OperationInvoker.InvokeAsync(client, operation);

            var thrown = (await call.Should().ThrowAsync<UpstashApiException>()).Which;
            thrown.Should().BeOfType(ExpectedType(status, operation.Method));
            thrown.StatusCode.Should().Be(status);
            thrown.Operation.Should().Be(operation.Id);
            thrown.ErrorText.Should().Be("something went wrong");
            thrown.Message.Should().Contain(status.ToString()).And.Contain(operation.Id).And.Contain("something went wrong");
            thrown.Message.Should().NotContain(TestCredentials.ApiKey).And.NotContain(TestCredentials.ExpectedAuthorization().Substring(6));
        }

        [Test]
        public void Every_documented_status_of_the_token_reset_is_covered() =>
            DocumentedErrors().Where(c => ((SpecOperation)c.Arguments[0]!).Id == "resetQStashToken").Select(c => (int)c.Arguments[1]!).Should().BeEquivalentTo(new[] { 400, 401, 403, 404, 405, 406, 429, 500, 503 });
    }
}
