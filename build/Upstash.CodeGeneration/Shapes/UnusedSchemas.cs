using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>
    /// A schema of <c>components/schemas</c> that no operation reaches, directly or through another schema, is
    /// not generated: a type nothing returns or takes (the document's <c>Error</c> and <c>ApiResponse</c>) would
    /// be public surface by accident. The document keeps it; the linter still checks it.
    /// </summary>
    public static class UnusedSchemas
    {
        private const string Prefix = "#/components/schemas/";

        /// <summary>Removes the unreached schemas; returns their names.</summary>
        public static IReadOnlyList<string> Apply(JObject document)
        {
            if (document["components"]?["schemas"] is not JObject schemas) return Array.Empty<string>();
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<JToken>();
            if (document["paths"] is JToken paths) pending.Push(paths);
            while (pending.Count > 0)
                foreach (var reference in ((JContainer)pending.Pop()).DescendantsAndSelf().OfType<JObject>())
                    if (reference["$ref"] is JValue { Type: JTokenType.String } value && ((string)value!).StartsWith(Prefix, StringComparison.Ordinal)
                        && reached.Add(((string)value!).Substring(Prefix.Length)) && schemas[((string)value!).Substring(Prefix.Length)] is JContainer target)
                        pending.Push(target);
            var unused = schemas.Properties().Select(p => p.Name).Where(n => !reached.Contains(n)).ToList();
            foreach (var name in unused) schemas.Remove(name);
            return unused;
        }
    }
}
