using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>
    /// An operation whose successes carry no result is an acknowledgement: its method returns <c>UpstashResponse</c>
    /// (status and headers), not the string <c>"OK"</c>.
    /// </summary>
    /// <remarks>
    /// Rule: every 2xx response has no body, or a plain string body (no format, no enum) whose example, if any, is
    /// <c>OK</c>, as the document writes its 28 deletes, renames and switches. A string with another example is a result
    /// and stays a string. The rule is written on every operation as <c>x-upstash-acknowledgement</c>, which the client
    /// templates read.
    /// </remarks>
    public static class Acknowledgements
    {
        public const string Extension = "x-upstash-acknowledgement";

        public static void Apply(JObject document)
        {
            foreach (var operation in DocumentOperations.All(document))
                operation.Operation[Extension] = IsAcknowledgement(operation.Operation);
        }

        private static bool IsAcknowledgement(JObject operation)
        {
            var successes = (operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith("2")).Select(r => r.Value).OfType<JObject>().ToList();
            if (successes == null || successes.Count == 0) return true;
            return successes.All(response => response["content"] is not JObject content
                || content.Properties().All(media => media.Value is JObject m && (m["schema"] is not JObject schema || IsOk(schema, m["example"]))));
        }

        private static bool IsOk(JObject schema, JToken? mediaExample)
        {
            if (schema["type"] is not JValue type || (string?)type != "string" || schema["format"] != null || schema["enum"] != null || schema["$ref"] != null) return false;
            var example = schema["example"] ?? mediaExample;
            return example == null || (example is JValue { Type: JTokenType.String } value && (string?)value == "OK");
        }
    }
}
