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

    /// <summary>
    /// Compares a response captured from the live service with the vendored schema of an operation.
    /// Findings name the field and the kind of drift, never the value (a response may hold secrets).
    /// </summary>
    public static class DriftChecker
    {
        /// <summary>Checks <paramref name="response"/> against the schema of <paramref name="operationId"/>'s <paramref name="status"/> JSON response.</summary>
        /// <exception cref="ArgumentException">The operation or its response is not in the document; the message lists what is.</exception>
        public static IReadOnlyList<SpecFinding> Check(OpenApiDocument document, string operationId, string status, JToken response)
        {
            var operation = document.Operations.FirstOrDefault(o => o.Operation.OperationId == operationId)
                ?? throw new ArgumentException($"The document has no operation '{operationId}'. It has: {string.Join(", ", document.Operations.Select(o => o.Operation.OperationId))}.", nameof(operationId));
            if (!operation.Operation.ActualResponses.TryGetValue(status, out var documented) || documented.Content == null ||
                !documented.Content.TryGetValue("application/json", out var media) || media.Schema == null)
                throw new ArgumentException($"'{operationId}' documents no JSON response for status {status}.", nameof(status));

            var schema = media.Schema.ActualSchema;
            var findings = new List<SpecFinding>();
            foreach (var error in SpecLinter.Closed(schema).Validate(response))
                foreach (var leaf in OpenApiParts.Leaves(error))
                {
                    var kind = KindOf(leaf.Kind);
                    var path = JsonPath(leaf);
                    findings.Add(new SpecFinding(path, kind, Message(kind, leaf)));
                }

            if (response is JObject obj)
            {
                var examples = OpenApiParts.ExamplesOf(media).Select(e => e.Value).OfType<JObject>().ToList();
                var alwaysCarried = examples.Count == 0
                    ? Enumerable.Empty<string>()
                    : examples.Select(e => e.Properties().Select(p => p.Name)).Aggregate((a, b) => a.Intersect(b));
                foreach (var name in alwaysCarried.Except(schema.RequiredProperties).Where(n => !obj.ContainsKey(n)))
                    findings.Add(new SpecFinding("$." + name, DriftKinds.MissingField, $"'{name}' is absent; every example of the document carries it"));
            }
            return findings.Distinct().OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
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

        private static string JsonPath(ValidationError error)
        {
            var path = (error.Path ?? "#").TrimStart('#').Trim('/');
            return path.Length == 0 ? "$" : "$." + path.Replace('/', '.');
        }

        private static string Message(string kind, ValidationError error) => kind switch
        {
            DriftKinds.UnknownField => $"'{error.Property}' is not in the schema",
            DriftKinds.MissingField => $"'{error.Property}' is required by the schema and absent",
            DriftKinds.EnumValue => $"'{error.Property}' has a value outside the schema's enum",
            DriftKinds.TypeMismatch => $"'{error.Property}' is not of the schema's type ({error.Kind})",
            _ => $"'{error.Property}' does not have the schema's format ({error.Kind})",
        };
    }
}
