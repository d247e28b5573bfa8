using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests.Workflow
{
    /// <summary>
    /// build/adopt-revision.sh, run as a CI job runs it, on a copy of the repository set back to an earlier
    /// vendored revision: it adopts the two revisions the project adopted (the ones before the vendored
    /// revision and the vendored one), one after the other, from the copies the history keeps.
    /// </summary>
    [TestFixture]
    [Category("Workflow")]
    [Parallelizable(ParallelScope.Self)] // a child-process test: it runs beside the others (a copy of the repository), one fixture at a time each
    public sealed class AdoptRevisionScriptTests
    {
        private static Task<(int Exit, string Output)> Adopt(string repo, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
            DotnetProcess.RunAsync(repo, new[] { "build/adopt-revision.sh" }.Concat(args), environment, minutes: 8, executable: "bash");

        /// <summary>
        /// The repository's files as they are now (uncommitted edits included), copied to a new folder: the
        /// tracked ones in a git checkout, else every file but build outputs (bin, obj, .git).
        /// </summary>
        private static async Task<string> CopyOfRepository()
        {
            var copy = TestTemp.CreateFolder("upstash-adopt-").FullName;
            var root = RepoPaths.Root;
            IEnumerable<string> files;
            if (Directory.Exists(Path.Combine(root, ".git")))
            {
                var listed = await DotnetProcess.RunAsync(root, new[] { "ls-files", "-z" }, executable: "git");
                listed.Exit.Should().Be(0, listed.Output);
                files = listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
            }
            else
            {
                var skipped = new[] { "bin", "obj", ".git" };
                files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part)));
            }
            foreach (var file in files.Where(f => File.Exists(Path.Combine(root, f))))
            {
                var target = Path.Combine(copy, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(root, file), target);
            }
            return copy;
        }

        /// <summary>Every file of the repository's document, history and changelog, with its SHA-256.</summary>
        private static List<string> Snapshot(string repo) =>
            new[] { "openapi", Path.Combine("tests", "Upstash.DeveloperApi.Contract.Tests", "Fixtures", "upstream") }
                .SelectMany(folder => Directory.GetFiles(Path.Combine(repo, folder)))
                .Append(Path.Combine(repo, "CHANGELOG.md"))
                .Select(file => $"{Path.GetRelativePath(repo, file)} {Sha256(file)}").OrderBy(line => line, StringComparer.Ordinal).ToList();

        private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

        private static (string Sha, string Date) Parse(string name) => (name.Split('.')[1], name.Split('.')[0]);

        [Test]
        public async Task Bad_usage_exits_2_and_a_date_before_the_vendored_revision_exits_1_touching_nothing()
        {
            var repo = RepoPaths.Root;
            var document = RepoPaths.Of("openapi", "openapi.yml");
            var source = File.ReadAllText(RepoPaths.Of("openapi", "SOURCE.md"));

            (await Adopt(repo, null, document, "--revision", "6f3811f0")).Exit.Should().Be(2, "--date is missing");
            (await Adopt(repo, null, document, "--revision", "not-hex", "--date", "2026-08-12")).Output.Should().Contain("--revision");
            (await Adopt(repo, null, document, "--revision", "6f3811f0", "--date", "12/08/2026")).Exit.Should().Be(2);
            (await Adopt(repo, null, "/nonexistent.yml", "--revision", "6f3811f0", "--date", "2026-08-12")).Exit.Should().Be(1);
            var earlier = await Adopt(repo, null, UpstreamRevisions.History()[0].Spec, "--revision", "0123abcd", "--date", "2020-01-01");
            earlier.Exit.Should().Be(1);
            earlier.Output.Should().Contain("before the vendored revision");
            File.ReadAllText(RepoPaths.Of("openapi", "SOURCE.md")).Should().Be(source, "a refused adoption changes nothing");
        }

        [Test]
        public async Task It_adopts_the_last_two_revisions_one_after_the_other()
        {
            var history = UpstreamRevisions.History();
            history.Count.Should().BeGreaterThanOrEqualTo(3);
            var (start, first, second) = (history[^3], history[^2], history[^1]);
            var repo = await CopyOfRepository();
            var documents = TestTemp.CreateFolder("upstash-adopt-docs-").FullName;
            var firstDocument = Path.Combine(documents, "first.yml");
            var secondDocument = Path.Combine(documents, "second.yml");
            File.Copy(first.Spec, firstDocument);
            File.Copy(second.Spec, secondDocument);
            var fixtures = Path.Combine(repo, "tests", "Upstash.DeveloperApi.Contract.Tests", "Fixtures", "upstream");

            // The copy as it was before the project adopted `first`: `start` vendored, no later fixture.
            File.Copy(start.Spec, Path.Combine(repo, "openapi", "openapi.yml"), overwrite: true);
            File.Copy(start.Overlay, Path.Combine(repo, "openapi", "corrections.overlay.yml"), overwrite: true);
            var (startSha, startDate) = Parse(start.Name);
            File.WriteAllText(Path.Combine(repo, "openapi", "SOURCE.md"), $"| | |\n|---|---|\n| revision | `{startSha}` |\n| date | {startDate} |\n");
            foreach (var later in Directory.GetFiles(fixtures).Where(f => Path.GetFileName(f).StartsWith(first.Name, StringComparison.Ordinal) || Path.GetFileName(f).StartsWith(second.Name, StringComparison.Ordinal)))
                File.Delete(later);
            var skip = new Dictionary<string, string?> { ["UPSTASH_ADOPT_TESTS"] = "skip" };

            // A document that is not an API document is refused before anything is touched.
            var (firstSha, firstDate) = Parse(first.Name);
            var before = Snapshot(repo);
            foreach (var (file, text) in new[] { ("not-yaml.yml", "not: [yaml\n\tbad"), ("empty.yml", ""), ("other.json", "{\"a\": 1}") })
            {
                var bad = Path.Combine(documents, file);
                File.WriteAllText(bad, text);
                var refused = await Adopt(repo, skip, bad, "--revision", firstSha, "--date", firstDate);
                refused.Exit.Should().Be(1, $"{file} is not an OpenAPI document:\n{refused.Output}");
                refused.Output.Should().Contain("not an OpenAPI document").And.Contain("nothing was changed").And.NotContain("Adopted");
                Snapshot(repo).Should().Equal(before, $"refusing {file} changes no file");
            }

            var one = await Adopt(repo, skip, firstDocument, "--revision", firstSha, "--date", firstDate);

            one.Exit.Should().Be(0, one.Output);
            File.ReadAllBytes(Path.Combine(repo, "openapi", "openapi.yml")).Should().Equal(File.ReadAllBytes(firstDocument), "the document is vendored byte for byte");
            var source = File.ReadAllText(Path.Combine(repo, "openapi", "SOURCE.md"));
            source.Should().Contain($"| revision | `{firstSha}` |").And.Contain($"| date | {firstDate} |").And.Contain(Sha256(firstDocument));
            File.ReadAllBytes(Path.Combine(fixtures, start.Name + ".yml")).Should().Equal(File.ReadAllBytes(start.Spec), "the outgoing revision joins the history");
            File.ReadAllText(Path.Combine(repo, "CHANGELOG.md")).Should().Contain($"## Unreleased: upstream revision {firstSha} ({firstDate})").And.Contain("Operations added:");
            var decide = one.Output.Substring(one.Output.IndexOf("What a person must still decide", StringComparison.Ordinal));
            decide.Should().Contain("Accept the public-API changes").And.Contain("UPSTASH_ACCEPT_API=1").And.Contain("The version").And.Contain("CHANGELOG");
            TestContext.Out.WriteLine(decide);

            // What the person decided after the first adoption: the overlay the project adopted with it.
            File.Copy(first.Overlay, Path.Combine(repo, "openapi", "corrections.overlay.yml"), overwrite: true);
            var (secondSha, secondDate) = Parse(second.Name);
            var two = await Adopt(repo, skip, secondDocument, "--revision", secondSha, "--date", secondDate);

            two.Exit.Should().Be(0, two.Output);
            two.Output.Should().NotContain("Overlay (", "the adopted overlay applies to the next revision");
            Regex.IsMatch(two.Output, @"\d+ operations \(\d+ before\)").Should().BeTrue(two.Output);
            File.ReadAllBytes(Path.Combine(repo, "openapi", "openapi.yml")).Should().Equal(File.ReadAllBytes(secondDocument));
            File.ReadAllText(Path.Combine(repo, "openapi", "SOURCE.md")).Should().Contain($"| revision | `{secondSha}` |").And.Contain(Sha256(secondDocument));
            File.ReadAllBytes(Path.Combine(fixtures, first.Name + ".yml")).Should().Equal(File.ReadAllBytes(firstDocument));
            File.ReadAllBytes(Path.Combine(fixtures, first.Name + ".overlay.yml")).Should().Equal(File.ReadAllBytes(first.Overlay));
            File.Exists(Path.Combine(repo, "src", "Upstash.DeveloperApi", "obj", "Generated", "Clients.g.cs")).Should().BeTrue("the client was regenerated");
            TestContext.Out.WriteLine(two.Output);
        }
    }
}
