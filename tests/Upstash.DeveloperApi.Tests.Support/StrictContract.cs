using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// The strict check of a document against the generated client (production stays tolerant; this
    /// does not). For an example it reports, naming the field, at any depth: example fields the model
    /// lacks, model properties the schema lacks, values outside an enum or of the wrong type or format,
    /// and values that do not round-trip through the model.
    /// </summary>
    public static class StrictContract
    {
        // Unknown fields land in AdditionalProperties (and are reported by name below), never fail the read.
        private static readonly JsonSerializerSettings Strict = new()
        {
            DateParseHandling = DateParseHandling.None,
        };

        /// <summary>The type an operation's method returns (inside its Task).</summary>
        public static Type ResultTypeOf(SpecOperation operation, LibraryUnderTest? library = null)
        {
            var returnType = OperationInvoker.MethodFor(operation, library).ReturnType;
            return returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : typeof(void);
        }

        public static IReadOnlyList<SpecFinding> Check(SpecExample example) => Check(example, null);

        public static IReadOnlyList<SpecFinding> Check(SpecExample example, LibraryUnderTest? library)
        {
            var findings = new List<SpecFinding>();
            var at = $"{example.Operation.Id} {example.Status}";
            if (example.Schema != null)
                foreach (var violation in SchemaCheck.Check(example.Schema, example.Value))
                    findings.Add(new($"{at} {violation.Path}", violation.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed ? "example-additional-property" : "example-schema", SpecLinter.Describe(violation)));
            var type = ResultTypeOf(example.Operation, library);
            if (type.Name == nameof(UpstashResponse)) // by name: a regenerated library of another revision has its own type
            {
                // An acknowledgement has no result to read: its documented body is the string "OK", or none.
                if (example.Value.Type != JTokenType.String && example.Value.Type != JTokenType.Null)
                    findings.Add(new($"{at} $", "example-not-readable", $"the example of an acknowledgement is a {example.Value.Type}, not the string \"OK\""));
                return findings;
            }
            object? read;
            try
            {
                read = example.Value.ToObject(type, JsonSerializer.Create(Strict));
            }
            catch (JsonException ex)
            {
                findings.Add(new($"{at} {ex switch { JsonReaderException r => r.Path, JsonSerializationException s => s.Path, _ => null } ?? "$"}", "example-not-readable",
                    $"the example does not read into {type.Name} strictly: {ex.GetType().Name}"));
                return findings;
            }
            Compare(read, example.Value, example.Schema, $"{at} $", findings);
            return findings;
        }

        private static void Compare(object? value, JToken example, JsonSchema? schema, string path, List<SpecFinding> findings)
        {
            if (value == null) return;
            var actual = schema?.ActualSchema;
            switch (example)
            {
                case JArray array when value is IEnumerable items && value is not string:
                    var list = items.Cast<object?>().ToList();
                    for (var i = 0; i < Math.Min(list.Count, array.Count); i++)
                        Compare(list[i], array[i], actual?.Item, $"{path}[{i}]", findings);
                    return;
                case JObject obj when JsonSerializer.CreateDefault().ContractResolver.ResolveContract(value.GetType()) is JsonObjectContract contract:
                    var modelFields = contract.Properties.Where(p => !p.Ignored && p.PropertyName != null).ToDictionary(p => p.PropertyName!);
                    var schemaFields = actual?.ActualProperties ?? new Dictionary<string, JsonSchemaProperty>();
                    foreach (var field in obj.Properties().Where(p => !modelFields.ContainsKey(p.Name)))
                        findings.Add(new($"{path}.{field.Name}", "example-field-not-in-model", $"the example's '{field.Name}' has no property on {value.GetType().Name}: regenerate the client"));
                    foreach (var field in modelFields.Keys.Where(f => !schemaFields.ContainsKey(f)))
                        findings.Add(new($"{value.GetType().Name}.{field}", "model-field-not-in-schema", $"{value.GetType().Name} has '{field}', which the schema does not describe"));
                    foreach (var field in obj.Properties().Where(p => modelFields.ContainsKey(p.Name)))
                    {
                        var property = modelFields[field.Name];
                        var typed = property.ValueProvider!.GetValue(value);
                        schemaFields.TryGetValue(field.Name, out var fieldSchema);
                        if (typed != null && typed.GetType().GetProperty("IsKnown") is PropertyInfo isKnown && isKnown.GetValue(typed) is false)
                            findings.Add(new($"{path}.{field.Name}", "enum-value", $"'{field.Name}' is not one of the values the document lists"));
                        if (field.Value is JObject || field.Value is JArray)
                        {
                            Compare(typed, field.Value, fieldSchema, $"{path}.{field.Name}", findings);
                            continue;
                        }
                        var back = typed == null ? JValue.CreateNull() : JToken.Parse(JsonConvert.SerializeObject(typed));
                        if (!JsonSemantics.Equal(back, typed == null ? field.Value : ContractRunner.AsTyped(field.Value, typed)))
                            findings.Add(new($"{path}.{field.Name}", "round-trip", $"'{field.Name}' does not round-trip through {value.GetType().Name}.{property.UnderlyingName}"));
                    }
                    return;
            }
        }
    }
}
