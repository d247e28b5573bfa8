using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Upstash.CodeGeneration.Naming
{
    /// <summary>How API names become .NET identifiers: words, PascalCase, numbers spelt out.</summary>
    public static class Identifiers
    {
        private static readonly string[] Ones =
        {
            "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
            "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
        };

        private static readonly string[] Tens = { "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety" };

        /// <summary>
        /// The words of a name: split at anything that is not a letter or digit, and where a lower-case
        /// letter is followed by an upper-case one (<c>read_only_token</c>, <c>securityAddons</c>, <c>QStashUser</c>).
        /// </summary>
        public static IReadOnlyList<string> Words(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush();
                    continue;
                }
                if (current.Length > 0 && char.IsUpper(c) && char.IsLower(current[current.Length - 1])) Flush();
                current.Append(c);
            }
            Flush();
            return words;

            void Flush()
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
        }

        /// <summary>PascalCase: each word with its first letter upper-cased, the rest kept (<c>db_resource_size</c> → <c>DbResourceSize</c>).</summary>
        public static string Pascal(string name) => string.Concat(Words(name).Select(Capitalize));

        /// <summary>camelCase, for parameters (<c>backup_id</c> → <c>backupId</c>).</summary>
        public static string Camel(string name)
        {
            var pascal = Pascal(name);
            return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        }

        /// <summary>The singular of a plural last word, for the items of an array (<c>ReadRegions</c> → <c>ReadRegion</c>); otherwise the name plus <c>Item</c>.</summary>
        public static string Singular(string pascalName)
        {
            if (pascalName.EndsWith("ies", StringComparison.Ordinal) && pascalName.Length > 4) return pascalName.Substring(0, pascalName.Length - 3) + "y";
            if (pascalName.EndsWith("s", StringComparison.Ordinal) && !pascalName.EndsWith("ss", StringComparison.Ordinal) && pascalName.Length > 2)
                return pascalName.Substring(0, pascalName.Length - 1);
            return pascalName + "Item";
        }

        /// <summary>A number from 0 to 99 in words (<c>30</c> → <c>Thirty</c>), or null.</summary>
        public static string? NumberInWords(int number)
        {
            if (number < 0 || number > 99) return null;
            if (number < Ones.Length) return Ones[number];
            return Tens[number / 10] + (number % 10 == 0 ? string.Empty : Ones[number % 10]);
        }

        /// <summary>Whether <paramref name="name"/> is a valid C# identifier (letters, digits, underscores; not starting with a digit).</summary>
        public static bool IsIdentifier(string name) =>
            name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

        private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
    }
}
