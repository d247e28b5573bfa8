using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Upstash.CodeGeneration.Naming
{
    /// <summary>
    /// Readable member names for the values of a string enum, by rule:
    /// <list type="bullet">
    /// <item>words are split at separators and capitalized: <c>us-east-1</c> → <c>UsEast1</c>, <c>qstash_enterprise_1m</c> → <c>QstashEnterprise1m</c>;</item>
    /// <item>capitals are written like words: <c>COSINE</c> → <c>Cosine</c>, <c>DOT_PRODUCT</c> → <c>DotProduct</c>; a lone short one stays (<c>XL</c>, <c>XXL</c>);</item>
    /// <item>sizes keep their unit in capitals: <c>fixed_250mb</c> → <c>Fixed250MB</c>;</item>
    /// <item>a leading number is spelt out, and a duration names its unit: <c>1h</c> → <c>OneHour</c>, <c>30d</c> → <c>ThirtyDays</c>, <c>3XL</c> → <c>ThreeXL</c>;</item>
    /// <item>digits that meet across a separator keep one: <c>V1_5</c>; the empty string is <c>None</c>.</item>
    /// </list>
    /// </summary>
    public static class EnumMemberNames
    {
        private static readonly Regex Duration = new("^(?<n>[0-9]+)(?<unit>[smhdw])$", RegexOptions.CultureInvariant);
        private static readonly Regex Size = new("^(?<n>[0-9]+)(?<unit>kb|mb|gb|tb|pb)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex LeadingNumber = new("^(?<n>[0-9]+)(?<rest>.*)$", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, string> Units = new()
        {
            ["s"] = "Second", ["m"] = "Minute", ["h"] = "Hour", ["d"] = "Day", ["w"] = "Week",
        };

        /// <summary>Members of a generated extensible enum that a value must not be named like.</summary>
        private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "IsKnown", "KnownValues", "ToString", "Equals", "GetHashCode", "JsonConverter", "GetType" };

        /// <summary>One name per value, in order, all distinct.</summary>
        public static IReadOnlyList<string> For(IReadOnlyList<string> values)
        {
            var names = new List<string>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var name = For(value);
                if (Reserved.Contains(name)) name += "Value";
                var unique = name;
                for (var i = 2; !used.Add(unique); i++) unique = name + i.ToString(CultureInfo.InvariantCulture);
                names.Add(unique);
            }
            return names;
        }

        /// <summary>The member name of one value.</summary>
        public static string For(string value)
        {
            if (value.Length == 0) return "None";
            var duration = Duration.Match(value);
            if (duration.Success && int.TryParse(duration.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && Identifiers.NumberInWords(count) is string inWords)
                return inWords + Units[duration.Groups["unit"].Value] + (count == 1 ? string.Empty : "s");

            var words = Identifiers.Words(value);
            var shout = words.Count > 1 && words.All(w => w.All(c => !char.IsLetter(c) || char.IsUpper(c)));
            var parts = words.Select(w => Word(w, shout)).ToList();
            var name = string.Empty;
            foreach (var part in parts)
                name += name.Length > 0 && char.IsDigit(name[name.Length - 1]) && char.IsDigit(part[0]) ? "_" + part : part;
            if (name.Length == 0) return "Value";

            var leading = LeadingNumber.Match(name);
            if (leading.Success)
            {
                var spelt = int.TryParse(leading.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Identifiers.NumberInWords(n) : null;
                var rest = leading.Groups["rest"].Value.TrimStart('_');
                name = spelt != null ? spelt + Capitalize(rest) : "Value" + name;
            }
            return name;
        }

        /// <param name="word">One word of the value.</param>
        /// <param name="shout">Whether the whole value is in capitals (SCREAMING_SNAKE_CASE): then every word is written like a word.</param>
        private static string Word(string word, bool shout)
        {
            var size = Size.Match(word);
            if (size.Success) return size.Groups["n"].Value + size.Groups["unit"].Value.ToUpperInvariant();
            var letters = word.Count(char.IsLetter);
            if (letters > 0 && (shout || letters > 3) && word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
                return word[0] + word.Substring(1).ToLowerInvariant();
            return Capitalize(word);
        }

        private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
    }
}
