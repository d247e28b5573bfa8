using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.SpecTools.Overlay;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.CodeGeneration.Tests
{
    /// <summary>The vendored document is upstream's, byte for byte; the overlay subset the project supports does what Overlay 1.0 says.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class OverlayTests
    {
        private static OverlayDocument Overlay(string actionsJson) =>
            OverlayDocument.Parse(JObject.Parse("{\"overlay\":\"1.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":" + actionsJson + "}"), "test.overlay.yml");

        private static JObject Document() => JObject.Parse("""
            {
              "paths": { "/redis/database/{id}": { "get": { "parameters": [ { "name": "id", "in": "path" }, { "name": "credentials", "in": "query", "schema": { "type": "string" } } ] } } },
              "components": { "schemas": { "User": { "properties": { "a": { "type": "integer" }, "b": { "type": "integer" }, "state": { "enum": ["x"] } }, "required": ["a"] } } }
            }
            """);

        [Test]
        public void The_vendored_document_is_the_upstream_revision_named_in_SOURCE_md_byte_for_byte()
        {
            var source = File.ReadAllText(RepoPaths.Of("openapi", "SOURCE.md"));
            var recorded = Regex.Match(source, "SHA-256 of the file \\| `(?<sha>[0-9a-f]{64})`").Groups["sha"].Value;
            var actual = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(RepoPaths.Of("openapi", "openapi.yml")))).ToLowerInvariant();

            actual.Should().Be(recorded, "openapi/openapi.yml is never edited: corrections go in openapi/corrections.overlay.yml");
            source.Should().Contain("upstash/docs").And.Contain("devops/developer-api/openapi.yml").And.MatchRegex("[0-9a-f]{40}").And.MatchRegex("20[0-9]{2}-[0-9]{2}-[0-9]{2}");
        }

        [Test]
        public void Every_correction_says_why_and_applies_to_the_vendored_document()
        {
            var overlay = OverlayDocument.Load(RepoPaths.Of("openapi", "corrections.overlay.yml"));

            overlay.Actions.Should().NotBeEmpty();
            overlay.Actions.Should().OnlyContain(a => a.Description != null && a.Description.Length >= 40, "each correction carries its reason");
            var act = () => overlay.ApplyTo((JObject)OpenApiYaml.ReadJson(RepoPaths.Of("openapi", "openapi.yml")));
            act.Should().NotThrow();
        }

        [Test]
        public void An_update_merges_objects_replaces_values_and_extends_arrays_inside_them()
        {
            var result = Overlay("""[{ "target": "$.components.schemas.User", "description": "d", "update": { "properties": { "a": { "format": "int64" }, "c": { "type": "string" } }, "required": ["c"] } }]""").ApplyTo(Document());

            var user = result["components"]!["schemas"]!["User"]!;
            user["properties"]!["a"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"type\":\"integer\",\"format\":\"int64\"}");
            user["properties"]!["c"]!["type"]!.Value<string>().Should().Be("string");
            user["required"]!.Values<string>().Should().Equal("a", "c");
        }

        [Test]
        public void An_update_of_an_array_appends_one_entry()
        {
            var result = Overlay("""[{ "target": "$.components.schemas.User.properties.state.enum", "update": "" }]""").ApplyTo(Document());

            result["components"]!["schemas"]!["User"]!["properties"]!["state"]!["enum"]!.Values<string>().Should().Equal("x", "");
        }

        [Test]
        public void A_union_of_names_a_path_with_braces_and_a_filter_select_what_they_say()
        {
            var result = Overlay("""
                [
                  { "target": "$.components.schemas.User.properties['a','b']", "update": { "format": "int64" } },
                  { "target": "$.paths['/redis/database/{id}'].get.parameters[?(@.name == 'credentials')].schema", "update": { "enum": ["hide"] } }
                ]
                """).ApplyTo(Document());

            result.SelectTokens("$.components.schemas.User.properties.*.format").Values<string>().Should().Equal("int64", "int64");
            result["paths"]!["/redis/database/{id}"]!["get"]!["parameters"]![1]!["schema"]!["enum"]!.Values<string>().Should().Equal("hide");
        }

        [Test]
        public void A_removal_removes_members_and_array_elements()
        {
            var result = Overlay("""
                [
                  { "target": "$.components.schemas.User.properties.b", "remove": true },
                  { "target": "$.paths.*.get.parameters[0]", "remove": true }
                ]
                """).ApplyTo(Document());

            ((JObject)result["components"]!["schemas"]!["User"]!["properties"]!).ContainsKey("b").Should().BeFalse();
            result["paths"]!["/redis/database/{id}"]!["get"]!["parameters"]!.Should().ContainSingle();
        }

        [Test]
        public void A_target_that_selects_nothing_is_an_error_naming_the_action_and_its_reason()
        {
            var overlay = Overlay("""[{ "target": "$.components.schemas.User" , "update": { "x-note": 1 } }, { "target": "$.paths['/qstash/user/rotatetoken'].post", "description": "The reset has no request body.\nMore.", "update": { "x": 1 } }]""");

            var act = () => overlay.ApplyTo(Document());

            act.Should().Throw<OverlayException>().Which.Message.Should()
                .Contain("action 2").And.Contain("$.paths['/qstash/user/rotatetoken'].post").And.Contain("The reset has no request body.")
                .And.Contain("selects nothing").And.NotContain("More.");
        }

        [Test]
        public void A_correction_upstream_has_made_meanwhile_is_an_error_too()
        {
            var appendsAgain = () => Overlay("""[{ "target": "$.components.schemas.User.properties.state.enum", "update": "x" }]""").ApplyTo(Document());
            var changesNothing = () => Overlay("""[{ "target": "$.components.schemas.User.properties.a", "update": { "type": "integer" } }]""").ApplyTo(Document());

            appendsAgain.Should().Throw<OverlayException>().Which.Message.Should().Contain("already has").And.Contain("delete the action");
            changesNothing.Should().Throw<OverlayException>().Which.Message.Should().Contain("changes nothing").And.Contain("delete the action");
        }

        [TestCase("{\"overlay\":\"2.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":[{\"target\":\"$\",\"update\":{}}]}", "1.0.x")]
        [TestCase("{\"overlay\":\"1.0.0\",\"actions\":[{\"target\":\"$\",\"update\":{}}]}", "'info'")]
        [TestCase("{\"overlay\":\"1.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":[]}", "non-empty")]
        [TestCase("{\"overlay\":\"1.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":[{\"update\":{}}]}", "no 'target'")]
        [TestCase("{\"overlay\":\"1.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":[{\"target\":\"$\",\"update\":{},\"remove\":true}]}", "either")]
        [TestCase("{\"overlay\":\"1.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":[{\"target\":\"$\",\"copy\":{}}]}", "'copy'")]
        [TestCase("{\"overlay\":\"1.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":[{\"target\":\"$..deep\",\"update\":{}}]}", "position")]
        [TestCase("{\"overlay\":\"1.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"actions\":[{\"target\":\"$.a[?(@.x > 1)]\",\"update\":{}}]}", "only filters")]
        public void What_the_subset_does_not_support_is_a_clear_error(string overlay, string expected)
        {
            var act = () => OverlayDocument.Parse(JObject.Parse(overlay), "bad.overlay.yml");

            act.Should().Throw<OverlayException>().Which.Message.Should().Contain("bad.overlay.yml").And.Contain(expected);
        }

        [Test]
        public void The_effective_document_is_what_the_generator_the_linter_and_the_tests_read()
        {
            var effective = SpecDocument.EffectiveJson;

            effective["components"]!["schemas"]!["QStashUser"]!["properties"]!["reserved_type"]!["enum"]!.Values<string>().Should().Contain("");
            effective["components"]!["schemas"]!["Database"]!["properties"]!["rest_token"].Should().NotBeNull();
            SpecDocument.Document.Components.Schemas["QStashUser"].Properties["max_delay"].Format.Should().Be("int64");
        }
    }
}
