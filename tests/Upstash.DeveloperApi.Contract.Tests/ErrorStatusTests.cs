using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// Every error status raises its typed exception, for every operation of the document, by the one rule
    /// in Errors/StatusErrors.cs (the upstream document lists no error responses; the service sends them).
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class ErrorStatusTests
    {
        public static IEnumerable<TestCaseData> Operations() =>
            SpecDocument.Operations.Select(o => new TestCaseData(o.Id).SetArgDisplayNames(o.Id));

        [TestCaseSource(nameof(Operations))]
        public async Task Each_error_status_raises_its_typed_exception(string operationId)
        {
            var failures = await ContractRunner.ErrorStatusesAsync(LibraryUnderTest.Referenced, SpecDocument.Operations.Single(o => o.Id == operationId));

            failures.Should().BeEmpty(string.Join("\n", failures));
        }

        [Test]
        public async Task The_token_reset_keeps_its_documented_statuses_and_messages()
        {
            var operation = SpecDocument.Seed;
            foreach (var status in new[] { 400, 401, 403, 404, 405, 406, 429, 500, 503 })
            {
                var handler = new StubHandler(_ => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("\"nope\"") });
                using var client = new QStashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { MaxRetries = 0 });

                var call = () => OperationInvoker.InvokeAsync(client, operation);

                var thrown = (await call.Should().ThrowAsync<UpstashApiException>()).Which;
                thrown.GetType().Name.Should().Be(ContractRunner.ExpectedException(status, idempotent: false));
                if (status == 500) thrown.Message.Should().Contain("the QStash token may already have been rotated");
            }
        }
    }
}
