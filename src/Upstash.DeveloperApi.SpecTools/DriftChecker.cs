using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>The kinds of drift between a captured response and the document.</summary>
    public static class DriftKinds
    {
        /// <summary>A field the schema does not describe.</summary>
        public const string UnknownField = "unknown-field";

        /// <summary>A field the schema requires, or that every example of the response carries, is absent.</summary>
        public const string MissingField = "missing-field";

        /// <summary>A value outside the schema's enum.</summary>
        public const string EnumValue = "enum-value";

        /// <summary>A value of another JSON type than the schema's.</summary>
        public const string TypeMismatch = "type-mismatch";

        /// <summary>A value of the right type but not of the schema's format (uuid, date-time…) or range (int32, int64).</summary>
        public const string FormatMismatch = "format-mismatch";
    }

    /// <summary>Compares a response captured from the live service with the vendored schema of an operation.</summary>
    /// <remarks>Findings name the field and the kind of drift, never the value (a response may hold secrets).</remarks>
    public static class DriftChecker
    {
        /// <summary>Checks <paramref name="response"/> against the schema of <paramref name="operationId"/>'s <paramref name="status"/> JSON response.</summary>
        /// <exception cref="ArgumentException">The operation or its response is not in the document; the message lists what is.</exception>
        public static IReadOnlyList<SpecFinding> Check(OpenApiDocument document, string operationId, string status, JToken response)
        {
            var ids = document.Operations.Select(o => o.Operation.OperationId).Where(id => !string.IsNullOrEmpty(id)).ToList();
            var operation = document.Operations.FirstOrDefault(o => o.Operation.OperationId == operationId)
                ?? throw new ArgumentException(ids.Count == 0
                    ? $"The document has no operation '{SafeName(operationId)}': it has no operations at all."
                    : $"The document has no operation '{SafeName(operationId)}'. It has: {string.Join(", ", ids)}.", nameof(operationId));
            if (!operation.Operation.ActualResponses.TryGetValue(status, out var documented) || documented.Content == null ||
                !documented.Content.TryGetValue("application/json", out var media) || media.Schema == null)
                throw new ArgumentException($"'{operationId}' documents no JSON response for status {status}.", nameof(status));

            var schema = media.Schema.ActualSchema;
            var findings = new List<SpecFinding>();
            if (TopLevelMismatch(schema, response) is string mismatch)
                return new[] { new SpecFinding("$", DriftKinds.TypeMismatch, mismatch) };
            foreach (var violation in SchemaCheck.Check(schema, response))
            {
                var kind = KindOf(violation.Kind);
                findings.Add(new SpecFinding(SafeName(violation.Path), kind, Message(kind, violation)));
            }

            Missing(schema, ExampleAssembler.For(media), response, "$", findings);
            return findings.Distinct().OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// Fields the document's example carries and <paramref name="value"/> lacks (required ones are the
        /// schema check's), at every depth: in nested objects and in every item of a list, as an item of
        /// the example shows them.
        /// </summary>
        private static void Missing(JsonSchema schema, JToken? example, JToken value, string path, List<SpecFinding> findings)
        {
            var actual = schema.ActualSchema;
            switch (value)
            {
                case JObject obj when example is JObject carried:
                    foreach (var field in carried.Properties())
                    {
                        var name = field.Name;
                        if (!obj.TryGetValue(name, out var present))
                        {
                            if (!actual.RequiredProperties.Contains(name))
                                findings.Add(new SpecFinding(path + "." + SafeName(name), DriftKinds.MissingField, $"'{SafeName(name)}' is absent; every example of the document carries it"));
                        }
                        else if (actual.ActualProperties.TryGetValue(name, out var property))
                        {
                            Missing(property, field.Value, present, path + "." + SafeName(name), findings);
                        }
                    }
                    break;
                case JArray items when example is JArray { Count: > 0 } carriedItems && actual.Item != null:
                    for (var i = 0; i < items.Count; i++)
                        Missing(actual.Item, carriedItems[0], items[i], path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", findings);
                    break;
            }
        }

        /// <summary>A response of another JSON kind than the schema's (an array for an object, null…) is one finding, said plainly.</summary>
        private static string? TopLevelMismatch(JsonSchema schema, JToken response)
        {
            var expected = schema.Type.HasFlag(JsonObjectType.Object) || schema.ActualProperties.Count > 0 ? JTokenType.Object
                : schema.Type.HasFlag(JsonObjectType.Array) ? JTokenType.Array
                : (JTokenType?)null;
            if (expected == null || response.Type == expected) return null;
            return $"the response is {Describe(response.Type)}, but the schema is {Describe(expected.Value)}";
        }

        private static string Describe(JTokenType type) => type switch
        {
            JTokenType.Object => "an object",
            JTokenType.Array => "an array",
            JTokenType.Null => "null",
            JTokenType.Integer or JTokenType.Float => "a number",
            JTokenType.String => "a string",
            JTokenType.Boolean => "a boolean",
            _ => type.ToString(),
        };

        /// <summary>
        /// A field name from the response, safe to print on a line of its own: control characters are
        /// escaped (<c>\n</c>, <c>\u0007</c>), so a name cannot forge another line of output.
        /// </summary>
        public static string SafeName(string? name)
        {
            if (string.IsNullOrEmpty(name)) return string.Empty;
            var text = new System.Text.StringBuilder(name!.Length);
            foreach (var c in name)
            {
                switch (c)
                {
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (char.IsControl(c) || c == '\u2028' || c == '\u2029') text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        else text.Append(c);
                        break;
                }
            }
            return text.ToString();
        }

        private static string KindOf(ValidationErrorKind kind) => kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => DriftKinds.UnknownField,
            ValidationErrorKind.PropertyRequired => DriftKinds.MissingField,
            ValidationErrorKind.NotInEnumeration => DriftKinds.EnumValue,
            ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected or
            ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or
            ValidationErrorKind.NullExpected or ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => DriftKinds.TypeMismatch,
            _ => DriftKinds.FormatMismatch,
        };

        private static string Message(string kind, SchemaViolation error) => kind switch
        {
            DriftKinds.UnknownField => $"'{SafeName(error.Property)}' is not in the schema",
            DriftKinds.MissingField => $"'{SafeName(error.Property)}' is required by the schema and absent",
            DriftKinds.EnumValue => $"'{SafeName(error.Property)}' has a value outside the schema's enum",
            DriftKinds.TypeMismatch => $"'{SafeName(error.Property)}' is not of the schema's type ({error.Kind})",
            _ => $"'{SafeName(error.Property)}' does not have the schema's format ({error.Kind})",
        };
    }
}
