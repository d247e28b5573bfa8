using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>The README's CLI section matches the code: every command line it shows parses, and every kind's variables are the ones the tool writes.</summary>
    [TestFixture]
    [Category("Cli")]
    public sealed class ReadmeCommandTests
    {
        private static string CliSection()
        {
            var readme = File.ReadAllText(RepoPaths.Of("README.md"));
            var start = readme.IndexOf("### From a shell or a pipeline: `upstash-devapi`", StringComparison.Ordinal);
            start.Should().BeGreaterThan(0);
            return readme.Substring(start, readme.IndexOf("\n### ", start + 10, StringComparison.Ordinal) - start);
        }

        [Test]
        public void Every_command_line_the_readme_shows_parses()
        {
            var lines = CliSection().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(CliApp.ToolName + " ", StringComparison.Ordinal)).ToList();
            lines.Should().HaveCountGreaterThan(5);
            foreach (var line in lines)
            {
                var command = Regex.Replace(line.Split(" #")[0], "[^ ]*…[^ ]*", "x-1");
                var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
                var parsed = CliApp.Commands(new CliRunner().Environment()).Parse(args);
                parsed.Errors.Select(e => e.Message).Should().BeEmpty($"the README shows '{line}'");
            }
        }

        [Test]
        public void The_variables_table_names_what_each_kind_writes()
        {
            var section = CliSection();
            foreach (var kind in typeof(CredentialKind).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                         .Where(f => f.FieldType == typeof(CredentialKind)).Select(f => (CredentialKind)f.GetValue(null)!))
            {
                var row = section.Split('\n').Single(l => l.StartsWith($"| `rotate {kind.Name}", StringComparison.Ordinal));
                row.Should().Contain(kind.IdOption!);
                var listed = Regex.Matches(row.Split('|')[3], "`([A-Z_]+)`").Select(m => m.Groups[1].Value);
                listed.Should().Equal(kind.Secrets.Select(s => kind.DefaultPrefix + s.Variable));
            }
        }
    }
}
