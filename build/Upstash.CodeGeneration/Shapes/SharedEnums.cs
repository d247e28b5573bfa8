using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Upstash.CodeGeneration.Naming;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>Enums with the same values are one type: <c>database.PrimaryRegion</c> goes straight into a <c>CreateDatabaseRequest</c>.</summary>
    /// <remarks>
    /// After <see cref="InlineSchemaNames"/> has named every inline enum, the
    /// enums of <c>components/schemas</c> with the same type and the same values, in the same order, become
    /// one schema, and every reference to them points to it. Its name, by the first rule that gives one:
    /// <list type="number">
    /// <item>the overlay's <c>x-upstash-type-name</c> on any of them (<c>IndexPlan</c>);</item>
    /// <item>the name of the one that a model of the service's answers owns, not a request body or a
    /// parameter (<c>DatabasePrimaryRegion</c>, not <c>CreateDatabaseRequestPrimaryRegion</c>);</item>
    /// <item>the words their names end with in common, when there are at least two after any leading
    /// <c>Request</c> (<c>GetVectorIndexStatsPeriod</c>, <c>GetQStashStatsPeriod</c> → <c>StatsPeriod</c>;
    /// <c>CreateDatabaseRequestReadRegion</c>, <c>UpdateRegionsRequestReadRegion</c> → <c>ReadRegion</c>).</item>
    /// </list>
    /// Enums that no rule names stay apart (the generator says which, so that the overlay can name them).
    /// A name another schema already has is an error naming both.
    /// </remarks>
    public static class SharedEnums
    {
        public const string NameExtension = Naming.TypeNames.Extension;

        /// <summary>Merges the enums of <paramref name="document"/> (changed in place); returns a note per group that stays apart.</summary>
        public static IReadOnlyList<string> Apply(JObject document)
        {
            var notes = new List<string>();
            if (document["components"]?["schemas"] is not JObject schemas) return notes;
            var requestBodies = new HashSet<string>(DocumentOperations.All(document)
                .SelectMany(o => o.Operation["requestBody"]?["content"] is JObject content ? content.Properties().Select(p => SchemaReferences.NameOf(p.Value["schema"])) : Enumerable.Empty<string?>())
                .Where(n => n != null).Select(n => n!), StringComparer.Ordinal);
            var modelOwned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var owner in schemas.Properties().Where(s => !requestBodies.Contains(s.Name)))
                if (owner.Value["properties"] is JObject properties)
                    foreach (var property in properties.Properties())
                        if ((SchemaReferences.NameOf(property.Value) ?? SchemaReferences.NameOf(property.Value["items"])) is string owned)
                            modelOwned.Add(owned);

            var groups = schemas.Properties()
                .Where(s => s.Value is JObject schema && schema["enum"] is JArray)
                .GroupBy(s => s.Value["type"] + "|" + s.Value["enum"]!.ToString(Newtonsoft.Json.Formatting.None), StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => g.Select(s => s.Name).ToList())
                .ToList();
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var members in groups)
            {
                var name = NameOf(members, schemas, modelOwned);
                if (name == null)
                {
                    notes.Add($"the enums {string.Join(", ", members)} have the same values and stay apart: no rule names them (set {NameExtension} on one in the overlay)");
                    continue;
                }
                if (!members.Contains(name) && schemas[name] != null)
                    throw new NamingException($"#/components/schemas/{name}: the enums {string.Join(", ", members)} would share this name, which another schema has. Set {NameExtension} on one of them in the overlay.");
                var kept = (JObject)schemas[members.FirstOrDefault(m => m == name) ?? members[0]]!.DeepClone();
                kept.Remove(NameExtension);
                foreach (var member in members)
                {
                    schemas.Remove(member);
                    renames[member] = name;
                }
                schemas[name] = kept;
            }
            if (renames.Count == 0) return notes;
            foreach (var reference in document.DescendantsAndSelf().OfType<JObject>().Where(o => o["$ref"] is JValue).ToList())
                if (SchemaReferences.NameOf(reference) is string target && renames.TryGetValue(target, out var shared))
                    reference["$ref"] = SchemaReferences.Prefix + shared;
            return notes;
        }

        private static string? NameOf(List<string> members, JObject schemas, HashSet<string> modelOwned)
        {
            var given = members.Select(m => (string?)schemas[m]?[NameExtension]).Where(n => n != null).Distinct().ToList();
            if (given.Count > 1) throw new NamingException($"#/components/schemas: the enums {string.Join(", ", members)} have the same values and the overlay gives them different names ({string.Join(", ", given)}).");
            if (given.Count == 1)
            {
                if (!Identifiers.IsIdentifier(given[0]!)) throw new NamingException($"{NameExtension} '{given[0]}' is not an identifier.");
                return given[0];
            }
            var owned = members.Where(modelOwned.Contains).ToList();
            if (owned.Count == 1) return owned[0];
            var words = members.Select(m => Identifiers.Words(m).ToList()).ToList();
            var common = 0;
            while (words.All(w => w.Count > common) && words.All(w => string.Equals(w[w.Count - 1 - common], words[0][words[0].Count - 1 - common], StringComparison.Ordinal)))
                common++;
            // The words the naming rule put in front ("CreateDatabase[Request]ReadRegion") are not part of the name.
            var suffix = words[0].Skip(words[0].Count - common).SkipWhile(w => w is "Request" or "Response" or "Item").ToList();
            return suffix.Count >= 2 ? string.Concat(suffix) : null;
        }
    }
}
