using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.SpecTools.Overlay
{
    /// <summary>
    /// The subset of JSONPath (RFC 9535) that overlay targets use, and no more:
    /// <list type="bullet">
    /// <item><c>$</c>, the root;</item>
    /// <item><c>.name</c> and <c>['name']</c> / <c>["name"]</c> (for names such as <c>/redis/database/{id}</c>);</item>
    /// <item><c>['a','b']</c>, a union of names;</item>
    /// <item><c>.*</c> and <c>[*]</c>, every member or element;</item>
    /// <item><c>[n]</c>, an array element;</item>
    /// <item><c>[?(@.name == 'value')]</c> (or <c>[?@.name=='value']</c>), the elements or members whose member equals a string.</item>
    /// </list>
    /// Anything else is a <see cref="FormatException"/> that names the position, never a silent mismatch.
    /// </summary>
    public sealed class JsonPathQuery
    {
        private readonly IReadOnlyList<Segment> _segments;

        private JsonPathQuery(string text, IReadOnlyList<Segment> segments)
        {
            Text = text;
            _segments = segments;
        }

        /// <summary>The expression as written.</summary>
        public string Text { get; }

        /// <summary>Parses an expression of the supported subset.</summary>
        /// <exception cref="FormatException">The expression is outside the subset or malformed.</exception>
        public static JsonPathQuery Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text) || text[0] != '$') throw new FormatException($"'{text}': a target starts with '$'.");
            var segments = new List<Segment>();
            var i = 1;
            while (i < text.Length)
            {
                if (text[i] == '.')
                {
                    i++;
                    if (i < text.Length && text[i] == '*')
                    {
                        segments.Add(Segment.Wildcard);
                        i++;
                        continue;
                    }
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '-' || text[i] == '$')) i++;
                    if (i == start) throw new FormatException($"'{text}': a name is expected at position {start}.");
                    segments.Add(Segment.Names(text.Substring(start, i - start)));
                }
                else if (text[i] == '[')
                {
                    var close = FindClosingBracket(text, i);
                    segments.Add(ParseBracket(text, text.Substring(i + 1, close - i - 1).Trim(), i));
                    i = close + 1;
                }
                else
                {
                    throw new FormatException($"'{text}': unexpected '{text[i]}' at position {i}.");
                }
            }
            return new JsonPathQuery(text, segments);
        }

        /// <summary>The nodes the expression selects in <paramref name="root"/>, each with its parent for removal.</summary>
        public IReadOnlyList<JsonPathMatch> Select(JToken root)
        {
            IEnumerable<JsonPathMatch> current = new[] { new JsonPathMatch(root, null, null) };
            foreach (var segment in _segments)
                current = current.SelectMany(m => segment.Apply(m.Value)).ToList();
            return current.ToList();
        }

        /// <inheritdoc/>
        public override string ToString() => Text;

        private static int FindClosingBracket(string text, int open)
        {
            char? quote = null;
            for (var i = open + 1; i < text.Length; i++)
            {
                var c = text[i];
                if (quote != null)
                {
                    if (c == '\\') i++;
                    else if (c == quote) quote = null;
                }
                else if (c == '\'' || c == '"') quote = c;
                else if (c == ']') return i;
            }
            throw new FormatException($"'{text}': the '[' at position {open} is never closed.");
        }

        private static Segment ParseBracket(string text, string inside, int at)
        {
            if (inside == "*") return Segment.Wildcard;
            if (inside.StartsWith("?", StringComparison.Ordinal)) return ParseFilter(text, inside.Substring(1).Trim(), at);
            if (int.TryParse(inside, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)) return Segment.Index(index);
            var names = new List<string>();
            var i = 0;
            while (i < inside.Length)
            {
                names.Add(ReadString(text, inside, ref i, at));
                while (i < inside.Length && char.IsWhiteSpace(inside[i])) i++;
                if (i < inside.Length)
                {
                    if (inside[i] != ',') throw new FormatException($"'{text}': expected ',' between the names at position {at}.");
                    i++;
                    while (i < inside.Length && char.IsWhiteSpace(inside[i])) i++;
                }
            }
            return Segment.Names(names.ToArray());
        }

        private static Segment ParseFilter(string text, string filter, int at)
        {
            if (filter.StartsWith("(", StringComparison.Ordinal) && filter.EndsWith(")", StringComparison.Ordinal)) filter = filter.Substring(1, filter.Length - 2).Trim();
            var eq = filter.IndexOf("==", StringComparison.Ordinal);
            if (!filter.StartsWith("@.", StringComparison.Ordinal) || eq < 0)
                throw new FormatException($"'{text}': only filters of the form [?(@.name == 'value')] are supported (position {at}).");
            var member = filter.Substring(2, eq - 2).Trim();
            var rest = filter.Substring(eq + 2).Trim();
            var i = 0;
            var value = ReadString(text, rest, ref i, at);
            if (i != rest.Length) throw new FormatException($"'{text}': unexpected text after the filter value (position {at}).");
            return Segment.Filter(member, value);
        }

        private static string ReadString(string text, string s, ref int i, int at)
        {
            if (i >= s.Length || (s[i] != '\'' && s[i] != '"')) throw new FormatException($"'{text}': a quoted name is expected at position {at}.");
            var quote = s[i++];
            var value = new StringBuilder();
            while (i < s.Length && s[i] != quote)
            {
                if (s[i] == '\\' && i + 1 < s.Length) i++;
                value.Append(s[i++]);
            }
            if (i >= s.Length) throw new FormatException($"'{text}': a quote is never closed (position {at}).");
            i++;
            return value.ToString();
        }

        private sealed class Segment
        {
            private readonly Func<JToken, IEnumerable<JsonPathMatch>> _apply;

            private Segment(Func<JToken, IEnumerable<JsonPathMatch>> apply) => _apply = apply;

            public static Segment Wildcard { get; } = new(Children);

            public IEnumerable<JsonPathMatch> Apply(JToken token) => _apply(token);

            public static Segment Names(params string[] names) => new(token =>
                token is JObject obj
                    ? names.Where(n => obj.ContainsKey(n)).Select(n => new JsonPathMatch(obj[n]!, obj, n))
                    : Enumerable.Empty<JsonPathMatch>());

            public static Segment Index(int index) => new(token =>
                token is JArray array && index >= -array.Count && index < array.Count
                    ? new[] { new JsonPathMatch(array[index < 0 ? array.Count + index : index], array, index < 0 ? array.Count + index : index) }
                    : Enumerable.Empty<JsonPathMatch>());

            public static Segment Filter(string member, string value) => new(token =>
                Children(token).Where(m => m.Value is JObject o && o[member] is JValue v && v.Type == JTokenType.String && (string?)v == value));

            private static IEnumerable<JsonPathMatch> Children(JToken token) => token switch
            {
                JObject obj => obj.Properties().Select(p => new JsonPathMatch(p.Value, obj, p.Name)).ToList(),
                JArray array => array.Select((v, i) => new JsonPathMatch(v, array, i)).ToList(),
                _ => Enumerable.Empty<JsonPathMatch>(),
            };
        }
    }

    /// <summary>A node selected by a <see cref="JsonPathQuery"/>, with where it sits.</summary>
    /// <param name="Value">The node.</param>
    /// <param name="Parent">The object or array that holds it; null for the root.</param>
    /// <param name="Key">Its member name (string) or element index (int) in the parent.</param>
    public sealed record JsonPathMatch(JToken Value, JContainer? Parent, object? Key);
}
