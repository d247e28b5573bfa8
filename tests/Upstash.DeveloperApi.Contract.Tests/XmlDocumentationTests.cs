using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// Every public and protected member of the library has XML docs, generated code included (the
    /// compiler cannot tell: NSwag's output switches warning CS1591 off).
    /// </summary>
    [TestFixture]
    public sealed class XmlDocumentationTests
    {
        [Test]
        public void The_public_surface_is_documented()
        {
            var assembly = typeof(QStashClient).Assembly;
            var documented = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"))
                .Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet();

            var missing = (
                from type in assembly.GetExportedTypes()
                from id in new[] { Id(type) }.Concat(Members(type).Select(Id))
                where !documented.Any(d => d == id || d.StartsWith(id + "(", StringComparison.Ordinal) || d.StartsWith(id + "`", StringComparison.Ordinal))
                select id).ToList();

            missing.Should().BeEmpty("every public member needs a summary:\n" + string.Join("\n", missing));
        }

        [Test]
        public void Every_hand_written_summary_is_one_sentence_about_what_the_member_does()
        {
            // Rationale, defaults and figures go in <remarks> or the README. A sentence ends at ". " (or "! ", "? ")
            // before a capital letter, a digit or a tag, outside parentheses and outside tags; "e.g." does not end one.
            var longer = new List<string>();
            foreach (var file in new[] { "src", "build" }.SelectMany(folder => Directory.GetFiles(RepoPaths.Of(folder), "*.cs", SearchOption.AllDirectories))
                         .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin")))
            {
                var text = File.ReadAllText(file);
                foreach (Match block in Regex.Matches(text, @"(?:^[ \t]*///.*\n)+", RegexOptions.Multiline))
                {
                    var doc = Regex.Replace(block.Value, @"^[ \t]*/// ?", string.Empty, RegexOptions.Multiline).Replace('\n', ' ');
                    var summary = Regex.Match(doc, "<summary>(.*?)</summary>", RegexOptions.Singleline);
                    if (summary.Success && Sentences(summary.Groups[1].Value) > 1)
                        longer.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {summary.Groups[1].Value.Trim()}");
                }
            }
            longer.Should().BeEmpty("a summary says in one sentence what a member does:\n" + string.Join("\n", longer));
        }

        [TestCase("Sends the request.", 1)]
        [TestCase("Sends the request (once. Really) and reads it, e.g. a list.", 1)]
        [TestCase("Sends the request. Default 2.", 2)]
        [TestCase("Sends it. <see cref=\"X\"/> reads it.", 2)]
        public void The_sentence_count_of_the_summary_rule_is_right(string summary, int sentences) =>
            Sentences(summary).Should().Be(sentences);

        private static int Sentences(string summary)
        {
            int count = 1, tags = 0, parentheses = 0;
            for (var i = 0; i + 1 < summary.Length; i++)
            {
                var c = summary[i];
                if (c == '<') tags++;
                else if (c == '>') tags = Math.Max(0, tags - 1);
                else if (tags > 0) continue;
                else if (c == '(') parentheses++;
                else if (c == ')') parentheses = Math.Max(0, parentheses - 1);
                else if (parentheses == 0 && c is '.' or '!' or '?' && summary[i + 1] == ' ' && !Regex.IsMatch(summary.Substring(0, i + 1), @"\b(e\.g|i\.e|etc|vs|cf)\.$"))
                {
                    var rest = summary.Substring(i + 1).TrimStart();
                    if (rest.Length > 0 && (char.IsUpper(rest[0]) || char.IsDigit(rest[0]) || rest[0] == '<')) count++;
                }
            }
            return count;
        }

        private static MemberInfo[] Members(Type type) =>
            type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m switch
                {
                    MethodInfo method => !method.IsSpecialName && (method.IsPublic || method.IsFamily) && method.DeclaringType == type,
                    ConstructorInfo ctor => (ctor.IsPublic || ctor.IsFamily) && ctor.GetParameters().Length > 0, // implicit default constructors have nothing to say
                    FieldInfo field => (field.IsPublic || field.IsFamily) && !field.IsSpecialName,
                    PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily),
                    Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
                    _ => false,
                })
                .ToArray();

        private static string Id(MemberInfo member) => member switch
        {
            Type type => "T:" + type.FullName!.Replace('+', '.'),
            PropertyInfo property => "P:" + Name(property.DeclaringType!) + "." + property.Name,
            FieldInfo field => "F:" + Name(field.DeclaringType!) + "." + field.Name,
            ConstructorInfo ctor => "M:" + Name(ctor.DeclaringType!) + ".#ctor",
            MethodInfo method => "M:" + Name(method.DeclaringType!) + "." + method.Name,
            _ => member.Name,
        };

        private static string Name(Type type) => type.FullName!.Replace('+', '.');
    }
}
