using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Cli
{
    /// <summary>Every exit code of upstash-qstash is in --help and in the README's table, and nothing else is.</summary>
    [TestFixture]
    [Category("Cli")]
    public sealed class ExitCodeDocumentationTests
    {
        private static int[] Codes() => typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!).OrderBy(c => c).ToArray();

        [Test]
        public void The_help_text_lists_every_exit_code_and_no_other()
        {
            var listed = Regex.Matches(ExitCodes.Table, @"(?:^Exit codes: |\| )(\d+) ").Select(m => int.Parse(m.Groups[1].Value)).OrderBy(c => c);

            listed.Should().Equal(Codes());
        }

        [Test]
        public void The_readme_table_lists_every_exit_code_and_no_other()
        {
            var readme = File.ReadAllText(RepoPaths.Of("README.md"));
            var table = readme.Substring(readme.IndexOf("| code | meaning |", System.StringComparison.Ordinal));
            table = table.Substring(0, table.IndexOf("\n\n", System.StringComparison.Ordinal));
            var listed = Regex.Matches(table, @"^\| ([\d /]+) \|", RegexOptions.Multiline)
                .SelectMany(m => m.Groups[1].Value.Split('/').Select(c => int.Parse(c.Trim()))).OrderBy(c => c);

            listed.Should().Equal(Codes());
        }
    }
}
