using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Naming
{
    /// <summary>
    /// Gives every inline object and enum a name after where it stands, and moves it to
    /// <c>components/schemas</c>, so that NSwag never invents <c>Body13</c> or <c>Period3</c>:
    /// <list type="bullet">
    /// <item>a request body: <c>{OperationId}Request</c> (<c>RenameDatabaseRequest</c>);</item>
    /// <item>a response body: <c>{OperationId}Response</c>;</item>
    /// <item>a parameter: <c>{OperationId}{Parameter}</c> (<c>GetVectorIndexStatsPeriod</c>);</item>
    /// <item>a property: <c>{Owner}{Property}</c> (<c>DatabaseSecurityAddons</c>, <c>QStashUserReservedType</c>);</item>
    /// <item>the items of an array property: <c>{Owner}{Property, singular}</c> (<c>QStashStatsDailyRequest</c>).</item>
    /// </list>
    /// Two places that would get the same name are an error naming both: the rule is never bent silently.
    /// </summary>
    public sealed class InlineSchemaNames
    {
        private readonly JObject _schemas;
        private readonly Dictionary<string, string> _origins = new(StringComparer.Ordinal);

        private InlineSchemaNames(JObject schemas)
        {
            _schemas = schemas;
            foreach (var existing in schemas.Properties()) _origins[existing.Name] = "#/components/schemas/" + existing.Name;
        }

        /// <summary>Names and moves every inline object and enum of <paramref name="document"/> (changed in place).</summary>
        /// <exception cref="NamingException">Two places would get the same name.</exception>
        public static void Apply(JObject document)
        {
            var components = document["components"] as JObject ?? (JObject)(document["components"] = new JObject());
            var schemas = components["schemas"] as JObject ?? (JObject)(components["schemas"] = new JObject());
            var naming = new InlineSchemaNames(schemas);
            foreach (var schema in schemas.Properties().ToList())
                if (schema.Value is JObject obj) naming.NameMembers(obj, schema.Name, "#/components/schemas/" + schema.Name);
            foreach (var operation in DocumentOperations.All(document))
                naming.NameOperation(operation.Operation, operation.PathItem, operation.At);
        }

        private void NameOperation(JObject operation, JObject pathItem, string at)
        {
            var id = (string?)operation["operationId"];
            if (string.IsNullOrEmpty(id)) return; // the linter reports it; nothing to name after
            var owner = Identifiers.Pascal(id!);
            foreach (var parameter in Parameters(operation, pathItem))
                if (parameter["schema"] is JObject schema && IsNamable(schema))
                    parameter["schema"] = Hoist(schema, owner + Identifiers.Pascal((string?)parameter["name"] ?? "Parameter"), $"{at}/parameters/{parameter["name"]}");
            foreach (var media in Media(operation["requestBody"]))
                NameBody(media, owner + "Request", at + "/requestBody");
            if (operation["responses"] is JObject responses)
                foreach (var response in responses.Properties())
                    foreach (var media in Media(response.Value))
                        NameBody(media, owner + (response.Name.StartsWith("2", StringComparison.Ordinal) ? "Response" : "Error" + response.Name), $"{at}/responses/{response.Name}");
        }

        private void NameBody(JObject media, string name, string at)
        {
            if (media["schema"] is not JObject schema) return;
            if (IsNamable(schema)) media["schema"] = Hoist(schema, name, at);
            else if (IsArray(schema) && schema["items"] is JObject items && IsNamable(items)) schema["items"] = Hoist(items, name + "Item", at + "/items");
        }

        private void NameMembers(JObject schema, string owner, string at)
        {
            if (schema["properties"] is JObject properties)
                foreach (var property in properties.Properties().ToList())
                {
                    if (property.Value is not JObject value) continue;
                    var name = owner + Identifiers.Pascal(property.Name);
                    if (IsNamable(value))
                    {
                        property.Value = Hoist(value, name, $"{at}/properties/{property.Name}", keep: value["description"]);
                    }
                    else if (IsArray(value) && value["items"] is JObject items && IsNamable(items))
                    {
                        value["items"] = Hoist(items, Identifiers.Singular(name), $"{at}/properties/{property.Name}/items");
                    }
                }
            if (IsArray(schema) && schema["items"] is JObject arrayItems && IsNamable(arrayItems))
                schema["items"] = Hoist(arrayItems, owner + "Item", at + "/items");
            foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
                if (schema[keyword] is JArray parts)
                    for (var i = 0; i < parts.Count; i++)
                        if (parts[i] is JObject part && IsNamable(part)) parts[i] = Hoist(part, owner + (i + 1), $"{at}/{keyword}/{i}");
        }

        /// <summary>Moves <paramref name="schema"/> to components under <paramref name="name"/>; returns the reference that replaces it.</summary>
        private JObject Hoist(JObject schema, string name, string at, JToken? keep = null)
        {
            if (!Identifiers.IsIdentifier(name)) throw new NamingException($"{at}: the naming rule gives '{name}', which is not an identifier.");
            if (_origins.TryGetValue(name, out var other))
                throw new NamingException($"{at}: the naming rule names this schema '{name}', and {other} already has that name. Rename one of them in the overlay, or extend the rule in build/Upstash.CodeGeneration/Naming.");
            _origins[name] = at;
            _schemas[name] = schema;
            // Json.NET copies a token that already has a parent: name the members of the copy that is kept.
            NameMembers((JObject)_schemas[name]!, name, at);
            var reference = new JObject { ["$ref"] = "#/components/schemas/" + name };
            if (keep != null) reference["description"] = keep.DeepClone();
            return reference;
        }

        private static bool IsNamable(JObject schema) =>
            schema["$ref"] == null && (schema["enum"] is JArray || schema["properties"] is JObject || (string?)schema["type"] == "object" && schema["additionalProperties"] == null);

        private static bool IsArray(JObject schema) => (string?)schema["type"] == "array";

        private static IEnumerable<JObject> Parameters(JObject operation, JObject pathItem) =>
            new[] { operation["parameters"], pathItem["parameters"] }.OfType<JArray>().SelectMany(a => a.OfType<JObject>());

        private static IEnumerable<JObject> Media(JToken? body) =>
            body?["content"] is JObject content ? content.Properties().Select(p => p.Value).OfType<JObject>() : Enumerable.Empty<JObject>();
    }

    /// <summary>A naming rule cannot be applied to the document; the message names the place.</summary>
    public sealed class NamingException : Exception
    {
        public NamingException(string message) : base(message) { }
    }
}
