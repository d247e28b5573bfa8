using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Validations;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>
    /// The rules a vendored document must meet before a client is generated from it. Every finding
    /// names the JSON path and the rule.
    /// </summary>
    public static class SpecLinter
    {
        /// <summary>All findings for the document at <paramref name="path"/>; empty when it is clean.</summary>
        public static IReadOnlyList<SpecFinding> Lint(string path)
        {
            var findings = new List<SpecFinding>();
            findings.AddRange(ParseAsOpenApi30(path));
            if (findings.Count > 0) return findings;
            var document = OpenApiYaml.LoadAsync(path).GetAwaiter().GetResult();
            findings.AddRange(OperationRules(document));
            findings.AddRange(ExampleRules(document));
            return findings;
        }

        /// <summary>Rule <c>openapi-3.0</c>: the reference parser (Microsoft.OpenApi) reads the document as OpenAPI 3.0 without errors.</summary>
        public static IEnumerable<SpecFinding> ParseAsOpenApi30(string path)
        {
            Microsoft.OpenApi.Models.OpenApiDocument? document;
            OpenApiDiagnostic diagnostic;
            try
            {
                using var stream = File.OpenRead(path);
                document = new OpenApiStreamReader().Read(stream, out diagnostic);
            }
            catch (System.Exception ex) when (ex.GetType().Namespace?.StartsWith("Microsoft.OpenApi", System.StringComparison.Ordinal) == true)
            {
                return new[] { new SpecFinding("$.openapi", "openapi-3.0", ex.Message) };
            }
            return Findings(path, document, diagnostic);
        }

        private static IEnumerable<SpecFinding> Findings(string path, Microsoft.OpenApi.Models.OpenApiDocument? document, OpenApiDiagnostic diagnostic)
        {
            foreach (var error in diagnostic.Errors)
                yield return new SpecFinding(error.Pointer ?? "$", "openapi-3.0", error.Message);
            if (diagnostic.SpecificationVersion != OpenApiSpecVersion.OpenApi3_0)
                yield return new SpecFinding("$.openapi", "openapi-3.0", $"the document is {diagnostic.SpecificationVersion}, not OpenAPI 3.0");
            var version = ReadVersion(path);
            if (!System.Text.RegularExpressions.Regex.IsMatch(version ?? string.Empty, @"^3\.0\.\d+$"))
                yield return new SpecFinding("$.openapi", "openapi-3.0", $"the openapi field is '{version}'; the client is generated from OpenAPI 3.0.x");
            if (diagnostic.Errors.Count == 0 && document != null)
                foreach (var error in document.Validate(ValidationRuleSet.GetDefaultRuleSet()))
                    // Microsoft.OpenApi 1.6 reports int64 examples read from JSON as a type mismatch; the
                    // example-schema rule below validates every example against its schema instead.
                    if (!error.Message.StartsWith("Data and type mismatch", System.StringComparison.Ordinal))
                        yield return new SpecFinding(error.Pointer ?? "$", "openapi-3.0", error.Message);
        }

        private static string? ReadVersion(string path) => (string?)OpenApiYaml.ReadJson(path)["openapi"];

        /// <summary>Rules <c>operation-id</c>, <c>operation-tag</c>, <c>operation-security</c>.</summary>
        public static IEnumerable<SpecFinding> OperationRules(OpenApiDocument document)
        {
            var documentSecurity = document.Security?.Count > 0;
            foreach (var path in document.Paths)
                foreach (var op in path.Value)
                {
                    var at = $"$.paths['{path.Key}'].{op.Key}";
                    if (string.IsNullOrWhiteSpace(op.Value.OperationId))
                        yield return new SpecFinding(at + ".operationId", "operation-id", "every operation needs an operationId: the client method is named after it");
                    if (op.Value.Tags == null || op.Value.Tags.Count == 0)
                        yield return new SpecFinding(at + ".tags", "operation-tag", "every operation needs a tag");
                    if (!documentSecurity && (op.Value.Security == null || op.Value.Security.Count == 0))
                        yield return new SpecFinding(at + ".security", "operation-security", "every operation needs a security requirement (the API uses basicAuth)");
                }
        }

        /// <summary>Rules <c>example-schema</c> and <c>example-additional-property</c>: every example validates against its schema with additional properties forbidden.</summary>
        public static IEnumerable<SpecFinding> ExampleRules(OpenApiDocument document)
        {
            foreach (var path in document.Paths)
                foreach (var op in path.Value)
                    foreach (var response in op.Value.ActualResponses)
                    {
                        if (response.Value.Content == null) continue;
                        foreach (var media in response.Value.Content)
                        {
                            var schema = media.Value.Schema?.ActualSchema;
                            if (schema == null) continue;
                            var closed = Closed(schema);
                            foreach (var (name, value) in OpenApiParts.ExamplesOf(media.Value).Select(e => (e.Key, e.Value)))
                                foreach (var error in closed.Validate(value))
                                    foreach (var finding in OpenApiParts.Leaves(error))
                                        yield return new SpecFinding(
                                            $"$.paths['{path.Key}'].{op.Key}.responses['{response.Key}'].content['{media.Key}'].examples['{name}'].value{Suffix(finding.Path)}",
                                            finding.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed ? "example-additional-property" : "example-schema",
                                            Describe(finding));
                        }
                    }
        }

        /// <summary>A copy of <paramref name="schema"/> in which no object allows properties it does not name.</summary>
        public static JsonSchema Closed(JsonSchema schema)
        {
            var copy = JsonSchema.FromJsonAsync(schema.ToJson()).GetAwaiter().GetResult();
            foreach (var s in new[] { copy }.Concat(Descendants(copy)))
                if (s.Type.HasFlag(JsonObjectType.Object) || s.Properties.Count > 0)
                    s.AllowAdditionalProperties = false;
            return copy;
        }

        private static IEnumerable<JsonSchema> Descendants(JsonSchema schema) =>
            schema.Properties.Values.Select(p => p.ActualSchema)
                .Concat(schema.Item != null ? new[] { schema.Item.ActualSchema } : Enumerable.Empty<JsonSchema>())
                .SelectMany(s => new[] { s }.Concat(Descendants(s)));

        private static string Suffix(string? path) => string.IsNullOrEmpty(path) || path == "#" ? string.Empty : "." + path!.TrimStart('#', '/').Replace('/', '.');

        /// <summary>A message for a validation error, naming the property.</summary>
        public static string Describe(ValidationError error) => error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{error.Property}' is not a property of the schema",
            ValidationErrorKind.NotInEnumeration => $"'{error.Property}' is not one of the schema's enum values",
            ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected => $"'{error.Property}' is not a uuid (format: uuid)",
            ValidationErrorKind.PropertyRequired => $"'{error.Property}' is required by the schema",
            _ => $"'{error.Property}': {error.Kind}",
        };
    }
}
