using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Workflow
{
    /// <summary>
    /// The spec-update workflow of the README, proved end to end. A fixture document that adds an
    /// operation (getQStashUser, under the document-level /v2 server) and changes a field
    /// (max_message_size becomes int64; max_workflows is new) goes through the same generation
    /// pipeline into separate bin/obj folders. The generated client compiles, the document-driven
    /// contract suite covers the new operation with no new test code, and the public-API baseline
    /// shows reviewers exactly what changed.
    /// </summary>
    [TestFixture]
    [Category("Workflow")]
    [NonParallelizable]
    public sealed class SpecUpdateWorkflowTests
    {
        private static string Fixture => Path.Combine(RepoPaths.Root, "tests", "Upstash.DeveloperApi.Tests", "Fixtures", "openapi.spec-update.yml");

        private static string[] Properties => new[]
        {
            $"-p:UpstashSpecFile={Fixture}", "-p:UpstashBuildFlavor=spec-update", "-p:UpstashFastBuild=true",
        };

        private static Task<(int Exit, string Output)> Dotnet(string receivedDir, params string[] args) =>
            DotnetProcess.RunAsync(RepoPaths.Root, args, new Dictionary<string, string?> { ["UPSTASH_API_RECEIVED_DIR"] = receivedDir, ["UPSTASH_SPEC_PATH"] = null });

        [Test]
        public async Task A_spec_update_regenerates_a_client_that_the_unchanged_contract_suite_covers()
        {
            var received = Directory.CreateTempSubdirectory("upstash-api-").FullName;
            foreach (var project in Directory.GetDirectories(Path.Combine(RepoPaths.Root, "src")).Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests"))))
                foreach (var output in new[] { Path.Combine(project, "obj", "spec-update"), Path.Combine(project, "bin", "spec-update") })
                    if (Directory.Exists(output)) Directory.Delete(output, recursive: true); // regenerate from scratch, as a new clone would
            var clock = Stopwatch.StartNew();

            var build = await Dotnet(received, new[] { "build", "tests/Upstash.DeveloperApi.Tests", "-nodeReuse:false", "--disable-build-servers" }.Concat(Properties).ToArray());
            build.Exit.Should().Be(0, "the client generated from the updated document must compile:\n" + DotnetProcess.Tail(build.Output));
            build.Output.Should().Contain("Upstash: regenerated the client from").And.Contain("openapi.spec-update.yml");

            var contract = await Dotnet(received, new[] { "test", "tests/Upstash.DeveloperApi.Tests", "--no-build", "--logger", "console;verbosity=normal",
                "--filter", "FullyQualifiedName~DocumentDrivenContractTests|FullyQualifiedName~DocumentedErrorStatusTests|FullyQualifiedName~StrictContractTests" }.Concat(Properties).ToArray());
            contract.Exit.Should().Be(0, "the unchanged contract suite must pass against the regenerated client:\n" + DotnetProcess.Tail(contract.Output));
            contract.Output.Should().Contain("Passed The_request_matches_the_document(getQStashUser", "the new operation is covered with no new test code");
            contract.Output.Should().Contain("Passed Every_example_property_lands_in_its_typed_property(resetQStashToken");

            var baseline = await Dotnet(received, new[] { "test", "tests/Upstash.DeveloperApi.Tests", "--no-build", "--filter", "FullyQualifiedName~PublicApiBaselineTests" }.Concat(Properties).ToArray());
            baseline.Exit.Should().NotBe(0, "the public surface changed, so the baseline test must fail until the change is accepted");
            var surface = File.ReadAllText(Path.Combine(received, "PublicAPI.received.txt"));
            surface.Should().Contain("GetQStashUserAsync").And.Contain("public long? MaxMessageSize").And.Contain("MaxWorkflows");

            TestContext.Out.WriteLine($"spec-update workflow: regenerate + build + contract suite + baseline check in {clock.Elapsed.TotalSeconds:0} s");
        }

    }
}
