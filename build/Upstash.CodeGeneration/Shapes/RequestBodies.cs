using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>
    /// A schema that only requests reach (a request body, and the types only request bodies hold) is written,
    /// never read: it is marked <c>x-upstash-request-body</c>, and Class.liquid gives it no <c>ReadIssues</c>. A
    /// schema that a response reaches too is a model of the service's answers and keeps them.
    /// </summary>
    public static class RequestBodies
    {
        public const string Extension = "x-upstash-request-body";

        private const string Prefix = "#/components/schemas/";

        public static void Apply(JObject document)
        {
            if (document["components"]?["schemas"] is not JObject schemas) return;
            var fromRequests = new HashSet<string>(StringComparer.Ordinal);
            var fromResponses = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in DocumentOperations.All(document))
            {
                Reach(operation.Operation["requestBody"], schemas, fromRequests);
                Reach(operation.Operation["responses"], schemas, fromResponses);
                Reach(operation.Operation["parameters"], schemas, fromResponses); // a parameter's type is not a body: keep it as it is
            }
            foreach (var name in fromRequests.Where(n => !fromResponses.Contains(n)))
                if (schemas[name] is JObject schema) schema[Extension] = true;
        }

        /// <summary>Adds every schema <paramref name="from"/> refers to, directly or through other schemas.</summary>
        private static void Reach(JToken? from, JObject schemas, HashSet<string> reached)
        {
            if (from is not JContainer container) return;
            var pending = new Stack<JContainer>();
            pending.Push(container);
            while (pending.Count > 0)
                foreach (var reference in pending.Pop().DescendantsAndSelf().OfType<JObject>())
                    if (reference["$ref"] is JValue { Type: JTokenType.String } value && ((string)value!).StartsWith(Prefix, StringComparison.Ordinal))
                    {
                        var name = ((string)value!).Substring(Prefix.Length);
                        if (reached.Add(name) && schemas[name] is JContainer target) pending.Push(target);
                    }
        }
    }
}
