using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// The strict check of a document against the generated client (production stays tolerant; this
    /// does not). For an example it reports, naming the field: example fields the model lacks, model
    /// properties the schema lacks, values outside an enum or of the wrong type or format, and values
    /// that do not round-trip through the model.
    /// </summary>
    public static class StrictContract
    {
        private static readonly JsonSerializerSettings Strict = new()
        {
            MissingMemberHandling = MissingMemberHandling.Error,
            DateParseHandling = DateParseHandling.None,
        };

        public static Type ModelTypeOf(SpecOperation operation)
        {
            var returnType = OperationInvoker.MethodFor(operation).ReturnType;
            return returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : typeof(void);
        }

        public static IReadOnlyList<SpecFinding> Check(SpecExample example)
        {
            var findings = new List<SpecFinding>();
            var at = $"{example.Operation.Id} {example.Status} example '{example.Name}'";
            var model = ModelTypeOf(example.Operation);
            var contract = (JsonObjectContract)JsonSerializer.CreateDefault().ContractResolver.ResolveContract(model);
            var modelFields = contract.Properties.Where(p => !p.Ignored && p.PropertyName != null).Select(p => p.PropertyName!).ToHashSet();
            var schemaFields = example.Schema?.ActualProperties.Keys.ToHashSet() ?? new HashSet<string>();
            var value = (JObject)example.Value;

            foreach (var field in value.Properties().Where(p => !modelFields.Contains(p.Name)))
                findings.Add(new($"{at}.{field.Name}", "example-field-not-in-model", $"the example's '{field.Name}' has no property on {model.Name}: regenerate the client"));
            foreach (var field in modelFields.Where(f => !schemaFields.Contains(f)))
                findings.Add(new($"{model.Name}.{field}", "model-field-not-in-schema", $"{model.Name} has '{field}', which the schema does not describe"));

            if (example.Schema != null)
                foreach (var error in SpecLinter.Closed(example.Schema).Validate(value))
                    findings.Add(new($"{at}.{error.Property ?? error.Path}", error.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed ? "example-additional-property" : "example-schema", SpecLinter.Describe(error)));

            object? read;
            try
            {
                read = value.ToObject(model, JsonSerializer.Create(Strict));
            }
            catch (JsonException ex)
            {
                findings.Add(new($"{at}.{ex switch { JsonReaderException r => r.Path, JsonSerializationException s => s.Path, _ => null } ?? "$"}", "example-not-readable", "the example does not read into the model strictly"));
                return findings;
            }

            foreach (var property in contract.Properties.Where(p => !p.Ignored && p.PropertyName != null && value.ContainsKey(p.PropertyName)))
            {
                var typed = property.ValueProvider!.GetValue(read!);
                if (typed != null && typed.GetType().GetProperty("IsKnown") is PropertyInfo isKnown && isKnown.GetValue(typed) is false)
                    findings.Add(new($"{at}.{property.PropertyName}", "enum-value", $"'{property.PropertyName}' is not one of the values the document lists"));
                var back = typed == null ? JValue.CreateNull() : JToken.Parse(JsonConvert.SerializeObject(typed));
                if (!JsonSemantics.Equal(back, value[property.PropertyName!]))
                    findings.Add(new($"{at}.{property.PropertyName}", "round-trip", $"'{property.PropertyName}' does not round-trip through {model.Name}.{property.UnderlyingName}"));
            }
            return findings;
        }
    }
}
