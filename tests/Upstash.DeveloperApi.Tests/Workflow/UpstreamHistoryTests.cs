using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Workflow
{
    /// <summary>
    /// Upstream's real history, replayed: each revision of the document (Fixtures/upstream, in date order,
    /// each with the overlay the project adopts with it) goes through the same pipeline as the vendored
    /// one: the build regenerates and compiles the library, the linter finds nothing, and the unchanged
    /// contract suite (Support/ContractRunner.cs, by reflection against that build) passes on every
    /// operation. What each revision adds to and removes from the public surface of the one before is
    /// computed and compared with the reviewed list beside the fixture (*.api-changes.txt).
    /// </summary>
    [TestFixture]
    [Category("Workflow")]
    [NonParallelizable]
    public sealed class UpstreamHistoryTests
    {
        private static readonly string[] Revisions = { "2025-12-23.05023883", "2026-03-05.dc6cbb0a", "2026-03-30.883b36b6", "2026-05-04.e93a5067" };

        private static string Fixture(string name) => RepoPaths.Of("tests", "Upstash.DeveloperApi.Tests", "Fixtures", "upstream", name);

        [Test]
        public void The_vendored_revision_and_its_overlay_are_part_of_the_history()
        {
            var vendored = File.ReadAllBytes(RepoPaths.Of("openapi", "openapi.yml"));
            var revision = Revisions.FirstOrDefault(r => File.ReadAllBytes(Fixture(r + ".yml")).SequenceEqual(vendored));

            revision.Should().NotBeNull("when a new revision is adopted, it is added to Fixtures/upstream too (see its README)");
            File.ReadAllText(Fixture(revision + ".overlay.yml")).Should().Be(File.ReadAllText(RepoPaths.Of("openapi", "corrections.overlay.yml")),
                "the history replays the vendored revision with the overlay the build applies to it");
        }

        [Test]
        public async Task Each_revision_regenerates_compiles_and_passes_the_unchanged_contract_suite()
        {
            SortedSet<string>? previousOperations = null, previousSurface = null;
            var clock = Stopwatch.StartNew();
            var mismatches = new List<string>();

            foreach (var revision in Revisions)
            {
                var spec = Fixture(revision + ".yml");
                var overlay = Fixture(revision + ".overlay.yml");
                var build = await Build(spec, overlay);
                build.Exit.Should().Be(0, $"revision {revision} must regenerate and compile:\n" + DotnetProcess.Tail(build.Output));
                build.Output.Should().Contain("Upstash: regenerated the client from").And.Contain(revision);

                SpecLinter.Lint(spec, overlay).Should().BeEmpty($"revision {revision} with its overlay is clean");

                var context = new AssemblyLoadContext("upstream-" + revision, isCollectible: true);
                try
                {
                    var library = new LibraryUnderTest(LoadCopy(context, revision));
                    var model = SpecModel.Load(EffectiveDocument.LoadJson(spec, overlay), spec);
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
                        var changes = Changes(revision, previousOperations, operations, previousSurface, surface);
                        var expectedPath = Fixture(revision + ".api-changes.txt");
                        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n") : string.Empty;
                        if (expected != changes)
                        {
                            File.WriteAllText(Fixture(revision + ".api-changes.received.txt"), changes);
                            mismatches.Add(revision);
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
            mismatches.Should().BeEmpty("the public-API changes of each revision must match the reviewed lists; see the *.api-changes.received.txt files beside the fixtures");
            TestContext.Out.WriteLine($"upstream history: {Revisions.Length} revisions regenerated, compiled and contract-tested in {clock.Elapsed.TotalSeconds:0} s");
        }

        [Test]
        public async Task A_correction_whose_target_is_gone_fails_the_build_naming_it()
        {
            // The vendored revision's overlay against a later revision, whose reserved_type has no enum any more.
            var build = await Build(Fixture("2026-03-30.883b36b6.yml"), RepoPaths.Of("openapi", "corrections.overlay.yml"));

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
            var copy = Path.Combine(Directory.CreateTempSubdirectory("upstash-" + revision + "-").FullName, "Upstash.DeveloperApi.dll");
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
