using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Workflow
{
    /// <summary>
    /// A spec update that breaks the public API cannot be released by accident: `dotnet pack` validates the
    /// package against the last release of its major version (build/package-baseline) and fails, naming the
    /// break, until the major version is raised. Upstream revision dc6cbb0a is such an update: every QStash
    /// operation takes a user id from then on.
    /// </summary>
    [TestFixture]
    [Category("Workflow")]
    [NonParallelizable]
    public sealed class BreakingChangeTests
    {
        private static Task<(int Exit, string Output)> Pack(string output, params string[] extra)
        {
            var fixture = RepoPaths.Of("tests", "Upstash.DeveloperApi.Tests", "Fixtures", "upstream", "2026-03-05.dc6cbb0a");
            var args = new[]
            {
                "pack", "src/Upstash.DeveloperApi", "-c", "Release", "-o", output, "-nodeReuse:false", "--disable-build-servers",
                $"-p:UpstashSpecFile={fixture}.yml", $"-p:UpstashOverlayFile={fixture}.overlay.yml", "-p:UpstashBuildFlavor=breaking",
            };
            return DotnetProcess.RunAsync(RepoPaths.Root, args.Concat(extra));
        }

        [Test]
        public async Task A_breaking_spec_update_fails_the_pack_until_the_major_version_is_raised()
        {
            var output = Directory.CreateTempSubdirectory("upstash-breaking-").FullName;

            var same = await Pack(output);

            same.Exit.Should().NotBe(0, "removing ResetQStashTokenAsync() must not pack as 1.x:\n" + DotnetProcess.Tail(same.Output));
            same.Output.Should().Contain("CP0002").And.Contain("ResetQStashTokenAsync").And.Contain("package-baseline");

            var major = await Pack(output, "-p:VersionPrefix=2.0.0");

            major.Exit.Should().Be(0, DotnetProcess.Tail(major.Output));
            major.Output.Should().Contain("raises the major version");
            File.Exists(Path.Combine(output, "Upstash.DeveloperApi.2.0.0.nupkg")).Should().BeTrue();
        }
    }
}
