using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration
{
    /// <summary>References to <c>components/schemas</c>: the one reading of <c>$ref</c> the rules share.</summary>
    public static class SchemaReferences
    {
        public const string Prefix = "#/components/schemas/";

        /// <summary>The name a schema refers to (<c>{"$ref": "#/components/schemas/Database"}</c> → <c>Database</c>), or null.</summary>
        public static string? NameOf(JToken? schema) =>
            schema is JObject o && o["$ref"] is JValue { Type: JTokenType.String } value && ((string)value!).StartsWith(Prefix, StringComparison.Ordinal)
                ? ((string)value!).Substring(Prefix.Length)
                : null;

        /// <summary>Adds to <paramref name="reached"/> every schema <paramref name="from"/> refers to, directly or through other schemas.</summary>
        public static void Reach(JToken? from, JObject schemas, HashSet<string> reached)
        {
            if (from is not JContainer container) return;
            var pending = new Stack<JContainer>();
            pending.Push(container);
            while (pending.Count > 0)
                foreach (var reference in pending.Pop().DescendantsAndSelf().OfType<JObject>())
                    if (NameOf(reference) is string name && reached.Add(name) && schemas[name] is JContainer target)
                        pending.Push(target);
        }
    }
}
