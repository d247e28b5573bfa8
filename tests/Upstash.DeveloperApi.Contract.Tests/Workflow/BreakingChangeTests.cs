using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests.Workflow
{
    /// <summary>
    /// A spec update that breaks the public API cannot be released by accident: `dotnet pack` validates the
    /// package against the last release of its major version (build/package-baseline) and fails, naming the
    /// break, until the major version is raised. The vendored revision is such an update over 1.0.0 (it
    /// drops id-less QStash calls), so it packs as the version Directory.Build.props gives (a new major),
    /// and not as another 1.x; once the baseline is refreshed for 2.0.0, an older revision is the break.
    /// </summary>
    [TestFixture]
    [Category("Workflow")]
    [Parallelizable(ParallelScope.Self)] // a child-process test: it runs beside the others (its own obj/breaking/), one fixture at a time each
    public sealed class BreakingChangeTests
    {
        private static Task<(int Exit, string Output)> Pack(string output, params string[] extra)
        {
            var args = new[]
            {
                "pack", "src/Upstash.DeveloperApi", "-c", "Release", "-o", output, "-nodeReuse:false", "--disable-build-servers",
                "-p:UpstashBuildFlavor=breaking",
            };
            return DotnetProcess.RunAsync(RepoPaths.Root, args.Concat(extra));
        }

        private static string Baseline() =>
            Path.GetFileNameWithoutExtension(Directory.GetFiles(RepoPaths.Of("build", "package-baseline"), "*.nupkg").Single()).Split('.', 3)[2];

        private static string Version() =>
            System.Text.RegularExpressions.Regex.Match(File.ReadAllText(RepoPaths.Of("Directory.Build.props")), "<VersionPrefix>(.*)</VersionPrefix>").Groups[1].Value;

        [Test]
        public async Task A_breaking_spec_update_fails_the_pack_until_the_major_version_is_raised()
        {
            var output = TestTemp.CreateFolder("upstash-breaking-").FullName;
            var baseline = Baseline();
            var version = Version();

            if (version.Split('.')[0] != baseline.Split('.')[0])
            {
                // The release in the making raises the major version: the vendored revision, which removes
                // members of the baseline, must not pack within the baseline's major version.
                var sameMajor = baseline.Split('.')[0] + ".99.0";
                var same = await Pack(output, $"-p:VersionPrefix={sameMajor}");
                same.Exit.Should().NotBe(0, $"the vendored revision removes members of {baseline}, so it must not pack as {sameMajor}:\n" + DotnetProcess.Tail(same.Output));
                same.Output.Should().Contain("CP0002").And.Contain("package-baseline");

                var major = await Pack(output);
                major.Exit.Should().Be(0, DotnetProcess.Tail(major.Output));
                major.Output.Should().Contain("raises the major version");
            }
            else
            {
                // After the baseline was refreshed for this major version: the vendored revision packs, validated,
                // and the earliest revision of the history, which lacks members of the baseline, does not.
                var major = await Pack(output);
                major.Exit.Should().Be(0, DotnetProcess.Tail(major.Output));
                major.Output.Should().Contain("validated against the baseline");

                var earliest = UpstreamRevisions.History()[0];
                var older = await Pack(output, $"-p:UpstashSpecFile={earliest.Spec}", $"-p:UpstashOverlayFile={earliest.Overlay}");
                older.Exit.Should().NotBe(0, $"{earliest} removes members of {baseline}:\n" + DotnetProcess.Tail(older.Output));
                older.Output.Should().Contain("CP0002");
            }
            File.Exists(Path.Combine(output, $"Upstash.DeveloperApi.{version}.nupkg")).Should().BeTrue();
        }
    }
}
