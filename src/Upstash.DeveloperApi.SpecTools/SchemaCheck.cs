using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>
    /// A JSON value checked strictly against a schema of the document, as the linter checks examples and the drift check
    /// checks live responses: NJsonSchema's validation (types, formats, enums, required fields), plus every field that
    /// the schema does not describe.
    /// </summary>
    /// <remarks>It works on schemas inside the document, references and all.</remarks>
    public static class SchemaCheck
    {
        /// <summary>The violations of <paramref name="value"/>, each with its JSON path (<c>$.securityAddons.vpcPeering</c>).</summary>
        public static IReadOnlyList<SchemaViolation> Check(JsonSchema schema, JToken value)
        {
            var violations = new List<SchemaViolation>();
            foreach (var error in schema.ActualSchema.Validate(value))
                foreach (var leaf in OpenApiParts.Leaves(error))
                    violations.Add(new SchemaViolation(PathOf(leaf), leaf.Property ?? string.Empty, leaf.Kind));
            Unknown(schema, value, "$", violations);
            return violations.Distinct().ToList();
        }

        private static void Unknown(JsonSchema schema, JToken value, string path, List<SchemaViolation> violations)
        {
            var actual = schema.ActualSchema;
            switch (value)
            {
                case JObject obj when actual.ActualProperties.Count > 0 || actual.Type.HasFlag(JsonObjectType.Object):
                    foreach (var field in obj.Properties())
                    {
                        if (actual.ActualProperties.TryGetValue(field.Name, out var property))
                            Unknown(property, field.Value, path + "." + field.Name, violations);
                        else if (actual.AdditionalPropertiesSchema == null)
                            violations.Add(new SchemaViolation(path + "." + field.Name, field.Name, ValidationErrorKind.NoAdditionalPropertiesAllowed));
                    }
                    break;
                case JArray array when actual.Item != null:
                    for (var i = 0; i < array.Count; i++)
                        Unknown(actual.Item, array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", violations);
                    break;
            }
        }

        private static string PathOf(ValidationError error)
        {
            // NJsonSchema writes "#/[0].state" and "#/securityAddons/vpcPeering"; the report writes $[0].state and $.securityAddons.vpcPeering, as SchemaCheck's own paths.
            var path = (error.Path ?? "#").TrimStart('#').Replace("/[", "[").Replace('/', '.').Trim('.');
            return path.Length == 0 ? "$" : path[0] == '[' ? "$" + path : "$." + path;
        }
    }

    /// <summary>One way a value breaks a schema: where, which field, and the kind (NJsonSchema's, or <see cref="ValidationErrorKind.NoAdditionalPropertiesAllowed"/> for a field the schema does not describe).</summary>
    public sealed record SchemaViolation(string Path, string Property, ValidationErrorKind Kind);
}
