using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>
    /// A schema of <c>components/schemas</c> that no operation reaches, directly or through another schema, is not
    /// generated: a type nothing returns or takes (the document's <c>Error</c> and <c>ApiResponse</c>) would be public
    /// surface by accident.
    /// </summary>
    /// <remarks>The document keeps it; the linter still checks it.</remarks>
    public static class UnusedSchemas
    {
        /// <summary>Removes the unreached schemas; returns their names.</summary>
        public static IReadOnlyList<string> Apply(JObject document)
        {
            if (document["components"]?["schemas"] is not JObject schemas) return Array.Empty<string>();
            var reached = new HashSet<string>(StringComparer.Ordinal);
            SchemaReferences.Reach(document["paths"], schemas, reached);
            var unused = schemas.Properties().Select(p => p.Name).Where(n => !reached.Contains(n)).ToList();
            foreach (var name in unused) schemas.Remove(name);
            return unused;
        }
    }
}
