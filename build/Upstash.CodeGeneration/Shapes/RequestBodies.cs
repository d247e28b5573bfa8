using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>
    /// A schema that only requests reach (a request body, and the types only request bodies hold) is written, never read:
    /// it is marked <c>x-upstash-request-body</c>, and Class.liquid gives it no <c>ReadIssues</c>.
    /// </summary>
    /// <remarks>A schema that a response reaches too is a model of the service's answers and keeps them.</remarks>
    public static class RequestBodies
    {
        public const string Extension = "x-upstash-request-body";

        public static void Apply(JObject document)
        {
            if (document["components"]?["schemas"] is not JObject schemas) return;
            var fromRequests = new HashSet<string>(StringComparer.Ordinal);
            var fromResponses = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in DocumentOperations.All(document))
            {
                SchemaReferences.Reach(operation.Operation["requestBody"], schemas, fromRequests);
                SchemaReferences.Reach(operation.Operation["responses"], schemas, fromResponses);
                SchemaReferences.Reach(operation.Operation["parameters"], schemas, fromResponses); // a parameter's type is not a body: keep it as it is
            }
            foreach (var name in fromRequests.Where(n => !fromResponses.Contains(n)))
                if (schemas[name] is JObject schema) schema[Extension] = true;
        }
    }
}
