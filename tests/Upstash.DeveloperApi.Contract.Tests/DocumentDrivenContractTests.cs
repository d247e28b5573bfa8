using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// The contract suite: one case per operation of the effective document (openapi/openapi.yml with
    /// openapi/corrections.overlay.yml), with no code per operation (Support/ContractRunner.cs). The same
    /// checks run against every upstream revision in Workflow/UpstreamHistoryTests.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class DocumentDrivenContractTests
    {
        public static IEnumerable<TestCaseData> Operations() =>
            SpecDocument.Operations.Select(o => new TestCaseData(o.Id).SetArgDisplayNames(o.Id));

        [Test]
        public void There_is_one_case_per_operation_of_the_document()
        {
            Operations().Count().Should().Be(SpecDocument.Operations.Count()).And.BeGreaterThan(0);
            LibraryUnderTest.Referenced.OperationIds.Should().BeEquivalentTo(SpecDocument.Operations.Select(o => o.Id), "the generated table covers the document");
        }

        [TestCaseSource(nameof(Operations))]
        public async Task The_operation_matches_the_document_on_the_wire_and_in_the_models(string operationId)
        {
            var failures = await ContractRunner.ReplayAsync(LibraryUnderTest.Referenced, SpecDocument.Operations.Single(o => o.Id == operationId));

            failures.Should().BeEmpty(string.Join("\n", failures));
        }
    }
}
