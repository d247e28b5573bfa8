using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Naming
{
    /// <summary>
    /// The overlay's <c>x-upstash-type-name</c> renames a schema of <c>components/schemas</c> (after
    /// <see cref="InlineSchemaNames"/> and <see cref="Shapes.SharedEnums"/>, which reads it first for the enums it
    /// merges), and every reference follows: <c>VectorStats</c>, which the Search stats answer with too, is
    /// <c>IndexStats</c>; a name of the document that is not PascalCase is made so by the same rule.
    /// </summary>
    /// <remarks>A name another schema has is an error naming both.</remarks>
    public static class TypeNames
    {
        public const string Extension = "x-upstash-type-name";

        private const string Prefix = SchemaReferences.Prefix;

        public static void Apply(JObject document)
        {
            if (document["components"]?["schemas"] is not JObject schemas) return;
            // Every type name is an identifier in PascalCase, by the one rule (Identifiers.Pascal): a name the document
            // gives otherwise (database_stats) is renamed unless the overlay names it, so no template renames types.
            foreach (var schema in schemas.Properties().Where(s => s.Value is JObject o && o[Extension] == null && Identifiers.Pascal(s.Name) != s.Name).ToList())
                ((JObject)schema.Value)[Extension] = Identifiers.Pascal(schema.Name);
            foreach (var schema in schemas.Properties().Where(s => s.Value is JObject o && o[Extension] != null).ToList())
            {
                var name = (string?)schema.Value[Extension];
                if (name == null || !Identifiers.IsIdentifier(name)) throw new NamingException($"{Prefix}{schema.Name}: {Extension} '{name}' is not an identifier.");
                ((JObject)schema.Value).Remove(Extension);
                if (name == schema.Name) continue;
                if (schemas[name] != null) throw new NamingException($"{Prefix}{schema.Name}: {Extension} '{name}' is the name of {Prefix}{name} already.");
                schemas[name] = schema.Value;
                schema.Remove();
                foreach (var reference in document.DescendantsAndSelf().OfType<JObject>().Where(o => o["$ref"] is JValue v && (string?)v == Prefix + schema.Name).ToList())
                    reference["$ref"] = Prefix + name;
            }
        }
    }
}
