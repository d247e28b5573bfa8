using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Naming
{
    /// <summary>
    /// One client per tag (an operation's first tag), named as the API itself spells the tag in its operationIds:
    /// <c>qstash</c> is <c>QStash</c> because of <c>resetQStashToken</c>, <c>auditlogs</c> is <c>AuditLogs</c> because of
    /// <c>listAuditLogs</c>; a tag no operationId spells is PascalCased (<c>redis</c> → <c>Redis</c>).
    /// </summary>
    /// <remarks>
    /// The document's tags are rewritten to these names, which NSwag turns into <c>QStashClient</c>, <c>IQStashClient</c>
    /// and so on.
    /// </remarks>
    public static class ClientNames
    {
        /// <summary>Rewrites the tags of <paramref name="document"/>; returns the clients, in the order of the document's tag list.</summary>
        public static IReadOnlyList<ClientInfo> Apply(JObject document)
        {
            var operations = Operations(document).ToList();
            var tags = operations.Select(o => FirstTag(o)).Where(t => t != null).Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
            var declared = (document["tags"] as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
            var ordered = declared.Select(t => (string?)t["name"]).Where(t => t != null && tags.Contains(t!)).Select(t => t!)
                .Concat(tags).Distinct(StringComparer.Ordinal).ToList();

            var clients = new List<ClientInfo>();
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in ordered)
            {
                var ids = operations.Where(o => FirstTag(o) == tag).Select(o => (string?)o["operationId"] ?? string.Empty);
                var name = SpellingIn(tag, ids) ?? Identifiers.Pascal(tag);
                if (!Identifiers.IsIdentifier(name)) throw new NamingException($"#/tags/{tag}: the client name '{name}' is not an identifier.");
                if (names.ContainsValue(name)) throw new NamingException($"#/tags/{tag}: two tags give the client name '{name}'.");
                names[tag] = name;
                var description = (string?)declared.FirstOrDefault(t => (string?)t["name"] == tag)?["description"];
                clients.Add(new ClientInfo(tag, name, description));
            }

            foreach (var operation in operations)
                if (operation["tags"] is JArray list && list.Count > 0 && names.TryGetValue((string)list[0]!, out var rename))
                    list[0] = rename;
            foreach (var tag in declared)
                if ((string?)tag["name"] is string original && names.TryGetValue(original, out var rename))
                    tag["name"] = rename;
            return clients;
        }

        /// <summary>How the operationIds spell <paramref name="tag"/> as a word, the most frequent spelling first; null when none does.</summary>
        internal static string? SpellingIn(string tag, IEnumerable<string> operationIds)
        {
            var found = new List<string>();
            foreach (var id in operationIds)
                for (var at = id.IndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0; at = id.IndexOf(tag, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    var end = at + tag.Length;
                    var startsWord = at == 0 || (char.IsUpper(id[at]) && char.IsLower(id[at - 1]));
                    var endsWord = end == id.Length || char.IsUpper(id[end]) || !char.IsLetter(id[end]);
                    if (startsWord && endsWord) found.Add(id.Substring(at, tag.Length));
                }
            var best = found.GroupBy(s => char.ToUpperInvariant(s[0]) + s.Substring(1), StringComparer.Ordinal).OrderByDescending(g => g.Count()).FirstOrDefault();
            return best?.Key;
        }

        private static string? FirstTag(JObject operation) => operation["tags"] is JArray list && list.Count > 0 ? (string?)list[0] : null;

        private static IEnumerable<JObject> Operations(JObject document) => DocumentOperations.All(document).Select(o => o.Operation);
    }

    /// <summary>A generated client: the tag it serves, its name without the <c>Client</c> suffix, and the tag's description.</summary>
    public sealed record ClientInfo(string Tag, string Name, string? Description)
    {
        public string ClassName => Name + "Client";

        public string InterfaceName => "I" + Name + "Client";
    }
}
