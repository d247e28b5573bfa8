using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>
    /// A string enum of exactly <c>"true"</c> and <c>"false"</c> is a boolean the service spells as a string
    /// (<c>acl_enabled</c>, <c>prometheus_enabled</c>): it is generated as <c>bool?</c>, not as an enum type of its own.
    /// </summary>
    /// <remarks>
    /// The reader takes either spelling, the string or the JSON boolean, and the document keeps its strings: the linter
    /// and drift-check still hold the service to them.
    /// </remarks>
    public static class StringBooleans
    {
        public static void Apply(JToken document)
        {
            foreach (var schema in ((JContainer)document).DescendantsAndSelf().OfType<JObject>().ToList())
                if (IsStringBoolean(schema))
                {
                    schema["type"] = "boolean";
                    schema.Remove("enum");
                    schema.Remove("x-enumNames");
                    if (schema["example"] is JValue { Type: JTokenType.String } example) schema["example"] = (string?)example == "true";
                    if (schema["default"] is JValue { Type: JTokenType.String } given) schema["default"] = (string?)given == "true";
                }
        }

        private static bool IsStringBoolean(JObject schema) =>
            schema["type"] is JValue { Type: JTokenType.String } type && (string?)type == "string" && schema["enum"] is JArray values && values.Count == 2
            && values.All(v => v.Type == JTokenType.String) && values.Select(v => (string)v!).OrderBy(v => v).SequenceEqual(new[] { "false", "true" });
    }
}
