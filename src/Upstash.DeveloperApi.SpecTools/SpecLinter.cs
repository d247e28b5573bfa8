using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;
using Upstash.DeveloperApi.SpecTools.Overlay;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>
    /// The rules the effective document (the vendored one with the overlay applied) must meet before a client is
    /// generated from it.
    /// </summary>
    /// <remarks>
    /// Every finding names the JSON path and the rule. Where the upstream document breaks a rule, the correction goes in
    /// the overlay with its reason; never in code.
    /// </remarks>
    public static class SpecLinter
    {
        /// <summary>All findings for the vendored document at <paramref name="specPath"/> with <paramref name="overlayPath"/> applied; empty when it is clean.</summary>
        public static IReadOnlyList<SpecFinding> Lint(string specPath, string? overlayPath)
        {
            JObject effective;
            try
            {
                effective = EffectiveDocument.LoadJson(specPath, overlayPath);
            }
            catch (OverlayException ex)
            {
                return new[] { new SpecFinding("$", "overlay", ex.Message) };
            }
            catch (OpenApiLoadException ex)
            {
                return new[] { new SpecFinding("$", "openapi-3.0", ex.Message) };
            }
            return Lint(effective);
        }

        /// <summary>All findings for an effective document; empty when it is clean.</summary>
        public static IReadOnlyList<SpecFinding> Lint(JObject effective)
        {
            var findings = new List<SpecFinding>();
            findings.AddRange(ParseAsOpenApi30(effective));
            if (findings.Count > 0) return findings;
            var document = EffectiveDocument.ToOpenApiAsync(effective, "effective document").GetAwaiter().GetResult();
            findings.AddRange(OperationRules(document));
            findings.AddRange(ExampleRules(document));
            return findings;
        }

        /// <summary>Rule <c>openapi-3.0</c>: the reference parser (Microsoft.OpenApi) reads the document as OpenAPI 3.0 without errors.</summary>
        public static IEnumerable<SpecFinding> ParseAsOpenApi30(JObject effective)
        {
            Microsoft.OpenApi.Models.OpenApiDocument? document;
            OpenApiDiagnostic diagnostic;
            try
            {
                document = new OpenApiStringReader().Read(effective.ToString(Formatting.None), out diagnostic);
            }
            catch (System.Exception ex) when (ex.GetType().Namespace?.StartsWith("Microsoft.OpenApi", System.StringComparison.Ordinal) == true)
            {
                return new[] { new SpecFinding("$.openapi", "openapi-3.0", ex.Message) };
            }
            return Findings((string?)effective["openapi"], document, diagnostic).ToList();
        }

        private static IEnumerable<SpecFinding> Findings(string? version, Microsoft.OpenApi.Models.OpenApiDocument? document, OpenApiDiagnostic diagnostic)
        {
            foreach (var error in diagnostic.Errors)
                yield return new SpecFinding(error.Pointer ?? "$", "openapi-3.0", error.Message);
            if (diagnostic.SpecificationVersion != OpenApiSpecVersion.OpenApi3_0)
                yield return new SpecFinding("$.openapi", "openapi-3.0", $"the document is {diagnostic.SpecificationVersion}, not OpenAPI 3.0");
            if (!System.Text.RegularExpressions.Regex.IsMatch(version ?? string.Empty, @"^3\.0\.\d+$"))
                yield return new SpecFinding("$.openapi", "openapi-3.0", $"the openapi field is '{version}'; the client is generated from OpenAPI 3.0.x");
            if (diagnostic.Errors.Count == 0 && document != null)
                foreach (var error in document.Validate(ValidationRuleSet.GetDefaultRuleSet()))
                    // Microsoft.OpenApi 1.6 reports int64 examples read from JSON as a type mismatch; the
                    // example rules below validate every example against its schema instead.
                    if (!error.Message.StartsWith("Data and type mismatch", System.StringComparison.Ordinal))
                        yield return new SpecFinding(error.Pointer ?? "$", "openapi-3.0", error.Message);
        }

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
                        yield return new SpecFinding(at + ".tags", "operation-tag", "every operation needs a tag: the client it belongs to is named after it");
                    if (!documentSecurity && (op.Value.Security == null || op.Value.Security.Count == 0))
                        yield return new SpecFinding(at + ".security", "operation-security", "every operation needs a security requirement (the API uses basicAuth)");
                }
        }

        /// <summary>
        /// Rules <c>example-schema</c> and <c>example-additional-property</c>: every example of the document
        /// (of a schema, a property, a parameter, a request or a response) validates against its schema, and
        /// names no field the schema does not describe.
        /// </summary>
        public static IEnumerable<SpecFinding> ExampleRules(OpenApiDocument document)
        {
            var findings = new List<SpecFinding>();
            foreach (var schema in document.Components.Schemas)
                WalkSchema(schema.Value, $"$.components.schemas.{schema.Key}", findings);
            foreach (var path in document.Paths)
                foreach (var op in path.Value)
                {
                    var at = $"$.paths['{path.Key}'].{op.Key}";
                    foreach (var parameter in op.Value.ActualParameters)
                    {
                        var where = $"{at}.parameters[?(@.name=='{parameter.Name}')]";
                        if (parameter.Example != null) Check(parameter.ActualSchema, JToken.FromObject(parameter.Example), where + ".example", findings);
                        if (parameter.Schema != null) WalkSchema(parameter.Schema, where + ".schema", findings);
                    }
                    if (op.Value.ActualRequestBody?.Content != null)
                        foreach (var media in op.Value.ActualRequestBody.Content)
                            WalkMedia(media.Value, $"{at}.requestBody.content['{media.Key}']", findings);
                    foreach (var response in op.Value.ActualResponses)
                        if (response.Value.Content != null)
                            foreach (var media in response.Value.Content)
                                WalkMedia(media.Value, $"{at}.responses['{response.Key}'].content['{media.Key}']", findings);
                }
            return findings;
        }

        private static void WalkMedia(OpenApiMediaType media, string at, List<SpecFinding> findings)
        {
            var schema = media.Schema;
            if (schema == null) return;
            foreach (var example in OpenApiParts.ExamplesOf(media))
                Check(schema, example.Value, example.Key == "example" ? at + ".example" : $"{at}.examples['{example.Key}'].value", findings);
            WalkSchema(schema, at + ".schema", findings);
        }

        /// <summary>Checks a schema's own example and those of its inline parts; a reference is walked where it is defined.</summary>
        private static void WalkSchema(JsonSchema schema, string at, List<SpecFinding> findings)
        {
            if (schema.Example != null) Check(schema, JToken.FromObject(schema.Example), at + ".example", findings);
            if (schema.HasReference) return;
            foreach (var property in schema.Properties)
                WalkSchema(property.Value, $"{at}.properties.{property.Key}", findings);
            if (schema.Item != null) WalkSchema(schema.Item, at + ".items", findings);
            foreach (var (part, name) in schema.AllOf.Select(s => (s, "allOf")).Concat(schema.OneOf.Select(s => (s, "oneOf"))).Concat(schema.AnyOf.Select(s => (s, "anyOf"))))
                WalkSchema(part, $"{at}.{name}", findings);
        }

        private static void Check(JsonSchema schema, JToken example, string at, List<SpecFinding> findings)
        {
            foreach (var violation in SchemaCheck.Check(schema, example))
                findings.Add(new SpecFinding(
                    at + (violation.Path == "$" ? string.Empty : violation.Path.Substring(1)),
                    violation.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed ? "example-additional-property" : "example-schema",
                    Describe(violation.Property.Length > 0 || violation.Path != "$" ? violation : violation with { Property = FieldNamed(at) })));
        }

        /// <summary>The field a property-level example belongs to: the name before <c>.example</c> in its path.</summary>
        private static string FieldNamed(string at)
        {
            var parts = at.Split('.');
            return parts.Length >= 2 ? parts[parts.Length - 2] : at;
        }

        /// <summary>A message for a violation, naming the property.</summary>
        public static string Describe(SchemaViolation violation)
        {
            var name = violation.Property.Length > 0 ? violation.Property : violation.Path;
            return violation.Kind switch
            {
                ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{name}' is not a property of the schema",
                ValidationErrorKind.NotInEnumeration => $"'{name}' is not one of the schema's enum values",
                ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected => $"'{name}' is not a uuid (format: uuid)",
                ValidationErrorKind.PropertyRequired => $"'{name}' is required by the schema",
                _ => $"'{name}': {violation.Kind}",
            };
        }
    }
}
