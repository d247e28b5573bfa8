using System;
using System.Linq;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.CodeGeneration.Tests
{
    /// <summary>The vendored document meets the rules the generator relies on; a broken copy names its path and rule.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class SpecLintTests
    {
        private static JObject Property(JObject doc, string name) => (JObject)Schema(doc)["properties"]![name]!;

        /// <summary>The first parameter of the document with an enum of values, and its path.</summary>
        private static (string Path, JObject Parameter) EnumParameter(JObject doc) =>
            ((JObject)doc["paths"]!).Properties()
                .SelectMany(path => ((JObject)path.Value).Properties().Where(m => m.Value["parameters"] is JArray)
                    .SelectMany(m => ((JArray)m.Value["parameters"]!).OfType<JObject>().Select(p => (path.Name, p))))
                .First(x => x.p["schema"]?["enum"] is JArray);

        private static JObject Operation(JObject doc) => (JObject)doc["paths"]!["/qstash/user/rotatetoken"]!["post"]!;

        private static JObject Schema(JObject doc) => (JObject)doc["components"]!["schemas"]!["QStashUser"]!;

        [Test]
        public void The_vendored_document_is_clean()
        {
            var findings = SpecLinter.Lint(SpecDocument.FilePath, SpecDocument.OverlayPath);

            findings.Should().BeEmpty(string.Join(Environment.NewLine, findings));
        }

        [Test]
        public void It_is_OpenAPI_3_0_as_the_reference_parser_reads_it()
        {
            SpecLinter.ParseAsOpenApi30(SpecDocument.EffectiveJson).Should().BeEmpty();
            SpecDocument.Document.OpenApi.Should().StartWith("3.0");
        }

        [TestCase("openapi-version", "openapi-3.0")]
        [TestCase("broken-ref", "openapi-3.0")]
        [TestCase("missing-operation-id", "operation-id")]
        [TestCase("missing-tag", "operation-tag")]
        [TestCase("missing-security", "operation-security")]
        [TestCase("extra-example-field", "example-additional-property")]
        [TestCase("enum-outside", "example-schema")]
        [TestCase("wrong-type", "example-schema")]
        [TestCase("wrong-format", "example-schema")]
        [TestCase("wrong-parameter-example", "example-schema")]
        public void A_mutated_copy_fails_and_names_the_rule_and_path(string mutation, string rule)
        {
            var mutated = SpecDocument.Mutated(doc =>
            {
                switch (mutation)
                {
                    case "openapi-version": doc["openapi"] = "2.5.0"; break;
                    case "broken-ref": Operation(doc)["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"] = "#/components/schemas/Missing"; break;
                    case "missing-operation-id": Operation(doc).Remove("operationId"); break;
                    case "missing-tag": Operation(doc).Remove("tags"); break;
                    case "missing-security": Operation(doc).Remove("security"); break;
                    case "extra-example-field": ((JObject)doc["components"]!["schemas"]!["Database"]!["properties"]!["securityAddons"]!["example"]!)["max_widgets"] = 3; break;
                    case "enum-outside": Property(doc, "state")["example"] = "frozen"; break;
                    case "wrong-type": Property(doc, "max_retries")["example"] = "twenty"; break;
                    case "wrong-format": Property(doc, "id")["example"] = "not-a-uuid"; break;
                    case "wrong-parameter-example": EnumParameter(doc).Parameter["example"] = "not-one-of-them"; break;
                }
            });

            var findings = SpecLinter.Lint(mutated);

            findings.Should().Contain(f => f.Rule == rule, string.Join(Environment.NewLine, findings));
            var finding = findings.First(f => f.Rule == rule);
            finding.Path.Should().NotBeNullOrEmpty();
            switch (mutation)
            {
                case "extra-example-field": finding.Path.Should().EndWith("securityAddons.example.max_widgets"); finding.Message.Should().Contain("max_widgets"); break;
                case "wrong-parameter-example":
                    var (path, parameter) = EnumParameter(SpecDocument.EffectiveJson);
                    finding.Path.Should().Contain(path).And.Contain((string)parameter["name"]!);
                    break;
                case "enum-outside": finding.Message.Should().Contain("state"); break;
                case "wrong-type": finding.Message.Should().Contain("max_retries"); break;
                case "wrong-format": finding.Message.Should().Contain("id").And.Contain("uuid"); break;
                case "missing-operation-id": finding.Path.Should().Be("$.paths['/qstash/user/rotatetoken'].post.operationId"); break;
            }
        }

        [Test]
        public void Every_QStashUser_property_has_a_description_for_the_XML_docs() =>
            Schema(SpecDocument.EffectiveJson)["properties"]!.Children<JProperty>()
                .Where(p => p.Value["description"] == null).Select(p => p.Name).Should().BeEmpty();

        [Test]
        public void Changing_a_property_example_to_the_wrong_type_is_caught_as_the_issue_describes()
        {
            // Tried as a new user would: max_retries 20 -> twenty. Property-level examples are linted too.
            var findings = SpecLinter.Lint(SpecDocument.Mutated(doc => Property(doc, "max_retries")["example"] = "twenty"));

            findings.Should().ContainSingle().Which.Path.Should().Be("$.components.schemas.QStashUser.properties.max_retries.example");
        }
    }
}
