using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Contract.Tests;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests.Workflow
{
    /// <summary>
    /// Upstream's real history, replayed: each earlier revision of the document (Fixtures/upstream, in date
    /// order, each with the overlay the project adopted with it), then the vendored one (openapi/), goes
    /// through the same pipeline: the build regenerates and compiles the library, the linter finds nothing,
    /// and the unchanged contract suite (Support/ContractRunner.cs, by reflection against that build) passes
    /// on every operation. What each revision adds to and removes from the public surface of the one before
    /// is computed and compared with the reviewed list in Fixtures/upstream/&lt;revision&gt;.api-changes.txt
    /// (written by UPSTASH_ACCEPT_API=1). The history is read from the files: build/adopt-revision.sh adds
    /// the outgoing revision, and nothing here names one.
    /// </summary>
    [TestFixture]
    [Category("Workflow")]
    [Parallelizable(ParallelScope.Self)] // a child-process test: it runs beside the others (its own obj/history/), one fixture at a time each
    public sealed class UpstreamHistoryTests
    {
        [Test]
        public void The_history_is_in_date_order_and_ends_with_the_vendored_revision()
        {
            var history = UpstreamRevisions.History();
            history.Count.Should().BeGreaterThan(1, "Fixtures/upstream holds the revisions before the vendored one");
            history.Select(r => r.Name).Should().BeInAscendingOrder(StringComparer.Ordinal);
            history[^1].Spec.Should().Be(RepoPaths.Of("openapi", "openapi.yml"));
            foreach (var revision in history)
            {
                Regex.IsMatch(revision.Name, @"^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$").Should().BeTrue($"{revision.Name} is named <date>.<sha8>");
                File.Exists(revision.Overlay).Should().BeTrue($"{revision.Name} comes with the overlay adopted with it");
            }
            // An earlier copy of the vendored revision (left by an adoption) must be the same bytes.
            var copy = UpstreamRevisions.Fixture(history[^1].Name + ".yml");
            if (File.Exists(copy))
                File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(history[^1].Spec));
        }

        [Test]
        public async Task Each_revision_regenerates_compiles_and_passes_the_unchanged_contract_suite()
        {
            SortedSet<string>? previousOperations = null, previousSurface = null;
            var clock = Stopwatch.StartNew();
            var mismatches = new List<string>();
            var accept = Environment.GetEnvironmentVariable(PublicApiBaselineTests.AcceptVariable) == "1";
            var history = UpstreamRevisions.History();

            foreach (var revision in history)
            {
                var build = await Build(revision.Spec, revision.Overlay);
                build.Exit.Should().Be(0, $"revision {revision} must regenerate and compile:\n" + DotnetProcess.Tail(build.Output));
                build.Output.Should().Contain("Upstash: regenerated the client from");

                SpecLinter.Lint(revision.Spec, revision.Overlay).Should().BeEmpty($"revision {revision} with its overlay is clean");

                var context = new AssemblyLoadContext("upstream-" + revision.Name, isCollectible: true);
                try
                {
                    var library = new LibraryUnderTest(LoadCopy(context, revision.Name));
                    var model = SpecModel.Load(EffectiveDocument.LoadJson(revision.Spec, revision.Overlay), revision.Spec);
                    var failures = new List<string>();
                    foreach (var operation in model.Operations)
                    {
                        failures.AddRange(await ContractRunner.ReplayAsync(library, operation));
                        failures.AddRange(await ContractRunner.ErrorStatusesAsync(library, operation));
                    }
                    failures.AddRange(model.ResponseExamples.SelectMany(e => StrictContract.Check(e, library)).Select(f => f.ToString()));
                    failures.Should().BeEmpty($"the unchanged contract suite passes on revision {revision}:\n" + string.Join("\n", failures));
                    library.OperationIds.Should().BeEquivalentTo(model.Operations.Select(o => o.Id));

                    var operations = Operations(library);
                    var surface = ApiSurface.Of(library.Assembly);
                    if (previousOperations != null && previousSurface != null)
                    {
                        var changes = Changes(revision.Name, previousOperations, operations, previousSurface, surface);
                        var expectedPath = UpstreamRevisions.Fixture(revision.Name + ".api-changes.txt");
                        var receivedPath = UpstreamRevisions.Fixture(revision.Name + ".api-changes.received.txt");
                        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n") : string.Empty;
                        if (expected == changes)
                        {
                            File.Delete(receivedPath);
                        }
                        else if (accept)
                        {
                            File.WriteAllText(expectedPath, changes);
                            File.Delete(receivedPath);
                            TestContext.Out.WriteLine($"{revision}: public-API changes written to {expectedPath}; review and commit it");
                        }
                        else
                        {
                            File.WriteAllText(receivedPath, changes);
                            mismatches.Add(revision.Name);
                        }
                        TestContext.Out.WriteLine($"{revision}: {operations.Count} operations, contract suite passed; {changes.Split('\n').Count(l => l.StartsWith("+ "))} additions, {changes.Split('\n').Count(l => l.StartsWith("- "))} removals");
                    }
                    else
                    {
                        TestContext.Out.WriteLine($"{revision}: {operations.Count} operations, contract suite passed");
                    }
                    (previousOperations, previousSurface) = (operations, surface);
                }
                finally
                {
                    context.Unload();
                }
            }
            mismatches.Should().BeEmpty("the public-API changes of each revision must match the reviewed lists; review the *.api-changes.received.txt files beside the fixtures, and accept them with {0}=1 dotnet test", PublicApiBaselineTests.AcceptVariable);
            TestContext.Out.WriteLine($"upstream history: {history.Count} revisions regenerated, compiled and contract-tested in {clock.Elapsed.TotalSeconds:0} s");
        }

        [Test]
        public async Task A_correction_whose_target_is_gone_fails_the_build_naming_it()
        {
            // The overlay of 05023883 against a later revision, whose reserved_type has no enum any more.
            var build = await Build(UpstreamRevisions.Fixture("2026-03-30.883b36b6.yml"), UpstreamRevisions.Fixture("2025-12-23.05023883.overlay.yml"));

            build.Exit.Should().NotBe(0);
            build.Output.Should().Contain("error UPSTASH002").And.Contain("action 1").And.Contain("reserved_type").And.Contain("selects nothing");
        }

        private static Task<(int Exit, string Output)> Build(string spec, string overlay) =>
            DotnetProcess.RunAsync(RepoPaths.Root, new[]
            {
                "build", "src/Upstash.DeveloperApi", "-nodeReuse:false", "--disable-build-servers",
                $"-p:UpstashSpecFile={spec}", $"-p:UpstashOverlayFile={overlay}", "-p:UpstashBuildFlavor=history", "-p:UpstashFastBuild=true",
            });

        /// <summary>The build's library, copied (the next revision overwrites the output) and loaded on its own; its dependencies come from the test's.</summary>
        private static Assembly LoadCopy(AssemblyLoadContext context, string revision)
        {
            var built = RepoPaths.Of("src", "Upstash.DeveloperApi", "bin", "history", "Debug", "net10.0", "Upstash.DeveloperApi.dll");
            var copy = Path.Combine(TestTemp.CreateFolder("upstash-" + revision + "-").FullName, "Upstash.DeveloperApi.dll");
            File.Copy(built, copy);
            return context.LoadFromAssemblyPath(copy);
        }

        private static SortedSet<string> Operations(LibraryUnderTest library) =>
            new(library.OperationIds.Select(id => $"{library.ClientNameOf(id)}.{id}"), StringComparer.Ordinal);

        private static string Changes(string revision, SortedSet<string> previousOperations, SortedSet<string> operations, SortedSet<string> previousSurface, SortedSet<string> surface)
        {
            var text = new StringBuilder();
            text.Append("# Public API changes of upstream revision ").Append(revision).Append(" against the revision before it.\n");
            text.Append("# Computed by Workflow/UpstreamHistoryTests; reviewed and committed. \"- \" lines break consumers.\n");
            text.Append("\noperations:\n");
            foreach (var op in operations.Except(previousOperations)) text.Append("+ ").Append(op).Append('\n');
            foreach (var op in previousOperations.Except(operations)) text.Append("- ").Append(op).Append('\n');
            text.Append("\nmembers:\n");
            foreach (var line in surface.Except(previousSurface)) text.Append("+ ").Append(line).Append('\n');
            foreach (var line in previousSurface.Except(surface)) text.Append("- ").Append(line).Append('\n');
            return text.ToString();
        }
    }
}
