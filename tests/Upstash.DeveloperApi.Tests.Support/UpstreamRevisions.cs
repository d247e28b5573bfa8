using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// Upstream's history of the document as the repository keeps it: the earlier revisions in
    /// tests/Upstash.DeveloperApi.Contract.Tests/Fixtures/upstream (each with the overlay adopted with it), in date
    /// order, then the vendored one (openapi/). Read from the files: build/adopt-revision.sh adds a revision.
    /// </summary>
    public static class UpstreamRevisions
    {
        /// <summary>One revision of the history: its name (date.sha8), document and overlay.</summary>
        public sealed record Revision(string Name, string Spec, string Overlay)
        {
            public override string ToString() => Name;
        }

        /// <summary>A file of the earlier revisions' folder, Fixtures/upstream.</summary>
        public static string Fixture(string name) => RepoPaths.Of("tests", "Upstash.DeveloperApi.Contract.Tests", "Fixtures", "upstream", name);

        /// <summary>The vendored revision's name, from the table in openapi/SOURCE.md.</summary>
        public static string VendoredName()
        {
            var source = File.ReadAllText(RepoPaths.Of("openapi", "SOURCE.md"));
            var revision = Regex.Match(source, @"^\| revision \| `(?<sha>[0-9a-f]{8,40})`", RegexOptions.Multiline);
            var date = Regex.Match(source, @"^\| date \| (?<date>\d{4}-\d{2}-\d{2})", RegexOptions.Multiline);
            revision.Success.Should().BeTrue("openapi/SOURCE.md names the vendored revision in a '| revision | `sha` |' row");
            date.Success.Should().BeTrue("openapi/SOURCE.md names the vendored revision's date in a '| date | yyyy-mm-dd |' row");
            return date.Groups["date"].Value + "." + revision.Groups["sha"].Value.Substring(0, 8);
        }

        /// <summary>Fixtures/upstream/*.yml by name (a name starts with its date), then the vendored revision.</summary>
        public static IReadOnlyList<Revision> History()
        {
            var earlier = Directory.GetFiles(Fixture(""), "*.yml")
                .Where(f => !f.EndsWith(".overlay.yml", StringComparison.Ordinal))
                .Select(f => Path.GetFileNameWithoutExtension(f))
                .OrderBy(n => n, StringComparer.Ordinal)
                .Select(n => new Revision(n, Fixture(n + ".yml"), Fixture(n + ".overlay.yml")));
            var vendored = new Revision(VendoredName(), RepoPaths.Of("openapi", "openapi.yml"), RepoPaths.Of("openapi", "corrections.overlay.yml"));
            return earlier.Where(r => r.Name != vendored.Name).Append(vendored).ToList();
        }
    }
}
