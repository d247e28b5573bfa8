using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>
    /// The exit codes have one source, <see cref="ExitCodes.Catalog"/>: every constant is in it, the --help of
    /// each command lists exactly the codes the catalog gives that command, and the README's table is the one
    /// the catalog renders.
    /// </summary>
    [TestFixture]
    [Category("Cli")]
    public sealed class ExitCodeDocumentationTests
    {
        private static int[] Constants() => typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!).OrderBy(c => c).ToArray();

        private static int[] Listed(string help)
        {
            var text = Regex.Replace(help, @"\s+", " ");
            var paragraph = text.Substring(text.IndexOf("Exit codes: ", System.StringComparison.Ordinal));
            paragraph = paragraph.Substring(0, paragraph.IndexOf('.')); // the paragraph ends with its sentence (a meaning has no full stop)
            return Regex.Matches(paragraph, @"(?:^Exit codes: |\| )(\d+) ").Select(m => int.Parse(m.Groups[1].Value)).OrderBy(c => c).ToArray();
        }

        [Test]
        public void The_catalog_holds_every_exit_code_once()
        {
            ExitCodes.Catalog.Select(e => e.Code).OrderBy(c => c).Should().Equal(Constants());
        }

        [TestCase(ExitCodes.Commands.Rotate, "rotate", "qstash")]
        [TestCase(ExitCodes.Commands.Rotate, "rotate", "redis")]
        [TestCase(ExitCodes.Commands.Rotate, "rotate", "vector")]
        [TestCase(ExitCodes.Commands.Rotate, "rotate", "search")]
        [TestCase(ExitCodes.Commands.Rotate, "rotate-token")]
        [TestCase(ExitCodes.Commands.ListQStashUsers, "list-qstash-users")]
        [TestCase(ExitCodes.Commands.DriftCheck, "drift-check")]
        [TestCase(ExitCodes.Commands.VerifyContract, "verify-contract")]
        public async Task The_help_of_each_command_lists_exactly_the_codes_it_can_return(string group, params string[] command)
        {
            var (exit, output, _) = await new CliRunner().RunAsync(command.Append("--help").ToArray());

            exit.Should().Be(ExitCodes.Ok);
            Listed(output).Should().Equal(ExitCodes.Of(group).Select(e => e.Code).OrderBy(c => c));
        }

        [Test]
        public async Task The_tool_s_help_lists_every_code()
        {
            var (_, output, _) = await new CliRunner().RunAsync("--help");

            Listed(output).Should().Equal(Constants());
        }

        [Test]
        public void The_readme_table_is_the_one_the_catalog_renders()
        {
            var readme = File.ReadAllText(RepoPaths.Of("README.md")).Replace("\r\n", "\n");
            var start = readme.IndexOf("| code | meaning | returned by |", System.StringComparison.Ordinal);
            start.Should().BeGreaterThan(0, "the README has the table");
            var table = readme.Substring(start, readme.IndexOf("\n\n", start, System.StringComparison.Ordinal) - start + 1);

            table.Should().Be(ExitCodes.MarkdownTable);
        }
    }
}
