using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NUnit.Framework;
using Newtonsoft.Json.Linq;
using Upstash.CodeGeneration.Naming;
using Upstash.CodeGeneration.Shapes;

namespace Upstash.CodeGeneration.Tests
{
    /// <summary>The naming rules of build/Upstash.CodeGeneration, one by one.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class NamingRuleTests
    {
        [TestCase("1h", "OneHour")]
        [TestCase("3h", "ThreeHours")]
        [TestCase("12h", "TwelveHours")]
        [TestCase("1d", "OneDay")]
        [TestCase("30d", "ThirtyDays")]
        [TestCase("3XL", "ThreeXL")]
        [TestCase("XXL", "XXL")]
        [TestCase("us-east-1", "UsEast1")]
        [TestCase("europe-west1", "EuropeWest1")]
        [TestCase("COSINE", "Cosine")]
        [TestCase("DOT_PRODUCT", "DotProduct")]
        [TestCase("BGE_SMALL_EN_V1_5", "BgeSmallEnV1_5")]
        [TestCase("BM25", "BM25")]
        [TestCase("fixed_250mb", "Fixed250MB")]
        [TestCase("qstash_enterprise_1m", "QstashEnterprise1m")]
        [TestCase("true", "True")]
        [TestCase("", "None")]
        [TestCase("100", "Value100")]
        public void Enum_values_become_readable_members(string value, string member) =>
            EnumMemberNames.For(value).Should().Be(member);

        [Test]
        public void Enum_members_are_distinct_and_never_clash_with_the_struct_s_own_members() =>
            EnumMemberNames.For(new[] { "a-b", "a_b", "is_known", "IsKnown" }).Should().Equal("AB", "AB2", "IsKnownValue", "IsKnownValue2");

        [Test]
        public void Every_member_name_is_a_valid_identifier() =>
            new[] { "1h", "3XL", "", "9", "-", "ä-1", "__x" }.Select(EnumMemberNames.For).Should().OnlyContain(n => Identifiers.IsIdentifier(n));

        [TestCase("qstash", new[] { "resetQStashToken", "getQStashUser" }, "QStash")]
        [TestCase("auditlogs", new[] { "listAuditLogs" }, "AuditLogs")]
        [TestCase("teams", new[] { "listTeams", "getTeamMembers" }, "Teams")]
        [TestCase("redis", new[] { "listDatabases", "resetPassword" }, null)]
        public void A_client_is_named_as_the_operationIds_spell_its_tag(string tag, string[] operationIds, string? spelling) =>
            ClientNames.SpellingIn(tag, operationIds).Should().Be(spelling);

        [Test]
        public void Inline_types_are_named_after_their_operation_or_field()
        {
            var document = JObject.Parse("""
                {
                  "paths": {
                    "/x/{id}": { "post": { "operationId": "renameThing",
                      "parameters": [ { "name": "period", "in": "query", "schema": { "type": "string", "enum": ["1h"] } } ],
                      "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "size": { "type": "string", "enum": ["S"] } } } } } } } }
                  },
                  "components": { "schemas": { "Thing": { "type": "object", "properties": {
                    "security_addons": { "type": "object", "description": "kept", "properties": { "a": { "type": "boolean" } } },
                    "read_regions": { "type": "array", "items": { "type": "string", "enum": ["eu"] } } } } } }
                }
                """);

            InlineSchemaNames.Apply(document);

            var schemas = (JObject)document["components"]!["schemas"]!;
            schemas.Properties().Select(p => p.Name).Should().BeEquivalentTo("Thing", "ThingSecurityAddons", "ThingReadRegion", "RenameThingPeriod", "RenameThingRequest", "RenameThingRequestSize");
            document["components"]!["schemas"]!["Thing"]!["properties"]!["security_addons"]!.ToString(Newtonsoft.Json.Formatting.None)
                .Should().Be("{\"$ref\":\"#/components/schemas/ThingSecurityAddons\",\"description\":\"kept\"}");
            schemas["RenameThingRequest"]!["properties"]!["size"]!["$ref"]!.Value<string>().Should().Be("#/components/schemas/RenameThingRequestSize");
        }

        [Test]
        public void Two_places_that_would_get_one_name_are_an_error_naming_both()
        {
            var document = JObject.Parse("""
                { "paths": { "/a": { "post": { "operationId": "renameThing", "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "x": { "type": "string" } } } } } } } } },
                  "components": { "schemas": { "RenameThingRequest": { "type": "object" } } } }
                """);

            var act = () => InlineSchemaNames.Apply(document);

            act.Should().Throw<NamingException>().Which.Message.Should().Contain("RenameThingRequest").And.Contain("#/paths//a/post/requestBody").And.Contain("#/components/schemas/RenameThingRequest");
        }

        [TestCase("request")]
        [TestCase("relative_url")]
        [TestCase("path")]
        public void A_parameter_that_would_take_the_name_of_a_generated_local_is_an_error_naming_it(string name)
        {
            var document = JObject.Parse($$"""
                { "paths": { "/things/{id}": { "get": { "operationId": "getThing", "parameters": [ { "name": "id", "in": "path" }, { "name": "{{name}}", "in": "query" } ] } } } }
                """);

            var act = () => Upstash.CodeGeneration.Emit.OperationTable.Read(document);

            act.Should().Throw<NamingException>().Which.Message.Should().Contain($"'{name}'").And.Contain("#/paths//things/{id}/get").And.Contain("Client.Class.liquid");
        }

        [Test]
        public void Business_as_usual_parameter_names_pass() =>
            Upstash.CodeGeneration.Emit.OperationTable.Read(JObject.Parse("""{ "paths": { "/t/{id}": { "get": { "operationId": "getT", "parameters": [ { "name": "backup_id", "in": "query" } ] } } } }""")).Should().ContainSingle();

        [Test]
        public void A_uuid_is_generated_as_a_string_and_other_formats_are_kept()
        {
            var document = JObject.Parse("""{ "id": { "type": "string", "format": "uuid" }, "at": { "type": "string", "format": "date-time" } }""");

            UuidAsString.Apply(document);

            document["id"]!["format"].Should().BeNull("an id is passed back into a path, whose parameter is a string");
            document["at"]!["format"]!.Value<string>().Should().Be("date-time");
        }

        [Test]
        public void An_integer_without_a_format_is_64_bit()
        {
            var document = JObject.Parse("""{ "a": { "type": "integer" }, "b": { "type": "integer", "format": "int32" } }""");

            IntegerWidth.Apply(document);

            document["a"]!["format"]!.Value<string>().Should().Be("int64");
            document["b"]!["format"]!.Value<string>().Should().Be("int32", "an explicit format is kept");
        }
    }
}
