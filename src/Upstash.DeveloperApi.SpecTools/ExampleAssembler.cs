using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>
    /// The example of a request or response body, assembled from the document's examples as the published reference pages
    /// show it: a schema's own <c>example</c> when it has one, otherwise an object of its properties' examples, an array
    /// of one example item, or an enum's first value.
    /// </summary>
    /// <remarks>
    /// The upstream document gives examples on properties only, so this is how every operation gets a complete example.
    /// </remarks>
    public static class ExampleAssembler
    {
        /// <summary>The example of <paramref name="schema"/>, or null when neither it nor its parts have one.</summary>
        /// <param name="schema">The schema.</param>
        /// <param name="fillRequired">
        /// Give a required property without an example a placeholder of its type (<c>"&lt;string&gt;"</c>, <c>0</c>,
        /// <c>true</c>), as the reference pages do, so that a request example is complete.
        /// </param>
        public static JToken? For(JsonSchema? schema, bool fillRequired = false) => For(schema, fillRequired, new HashSet<JsonSchema>());

        /// <summary>The example of a media type: its own example first, else its schema's.</summary>
        public static JToken? For(OpenApiMediaType media, bool fillRequired = false) =>
            OpenApiParts.ExamplesOf(media).Select(e => e.Value).FirstOrDefault() ?? For(media.Schema, fillRequired);

        /// <summary>The example of the operation's first JSON success response, or null.</summary>
        public static JToken? SuccessResponse(OpenApiOperation operation, out string status)
        {
            status = "200";
            foreach (var response in operation.ActualResponses.Where(r => r.Key.StartsWith("2")))
            {
                status = response.Key;
                if (response.Value.Content != null && response.Value.Content.TryGetValue("application/json", out var media))
                    return For(media);
            }
            return null;
        }

        /// <summary>The example of the operation's JSON request body, or null when it has none.</summary>
        public static JToken? RequestBody(OpenApiOperation operation) =>
            operation.ActualRequestBody?.Content != null && operation.ActualRequestBody.Content.TryGetValue("application/json", out var media) ? For(media, fillRequired: true) : null;

        private static JToken? For(JsonSchema? schema, bool fillRequired, HashSet<JsonSchema> visiting)
        {
            if (schema == null) return null;
            if (schema.Example != null) return JToken.FromObject(schema.Example);
            var actual = schema.ActualSchema;
            if (actual.Example != null) return JToken.FromObject(actual.Example);
            if (!visiting.Add(actual)) return null; // a schema that contains itself ends here
            try
            {
                if (actual.ActualProperties.Count > 0)
                {
                    var json = new JObject();
                    foreach (var property in actual.ActualProperties)
                    {
                        var value = For(property.Value, fillRequired, visiting);
                        if (value == null && fillRequired && actual.RequiredProperties.Contains(property.Key)) value = Placeholder(property.Value.ActualSchema);
                        if (value != null) json[property.Key] = value;
                    }
                    return json;
                }
                if (actual.Type.HasFlag(JsonObjectType.Array))
                    return For(actual.Item, fillRequired, visiting) is JToken item ? new JArray(item) : new JArray();
                if (actual.Enumeration.Count > 0) return JToken.FromObject(actual.Enumeration.First()!);
                return null;
            }
            finally
            {
                visiting.Remove(actual);
            }
        }

        private static JToken Placeholder(JsonSchema schema) =>
            schema.Type.HasFlag(JsonObjectType.Integer) ? new JValue(0)
            : schema.Type.HasFlag(JsonObjectType.Number) ? new JValue(0.5)
            : schema.Type.HasFlag(JsonObjectType.Boolean) ? new JValue(true)
            : schema.Type.HasFlag(JsonObjectType.Array) ? new JArray()
            : schema.Type.HasFlag(JsonObjectType.Object) ? new JObject()
            : new JValue("<string>");
    }
}
