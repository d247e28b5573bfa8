using System;
using System.Collections.Generic;

namespace Upstash.DeveloperApi.Secrets
{
    /// <summary>
    /// The one rule that says which fields hold secrets, by their name: a field is a secret when a word of its name is
    /// token, password, secret or credential (plural too), or it is a key of a kind that authenticates (api_key,
    /// private_key, access_key, secret_key).
    /// </summary>
    /// <remarks>
    /// It applies to documented and undocumented fields alike, JSON names (<c>read_only_rest_token</c>) and .NET names
    /// (<c>ReadOnlyRestToken</c>): a new field named like these is masked without code.
    /// </remarks>
    internal static class SecretNames
    {
        private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "token", "tokens", "password", "passwords", "passwd", "pwd", "secret", "secrets", "credential", "credentials", "apikey", "apikeys",
        };

        private static readonly HashSet<string> KeyQualifiers = new(StringComparer.OrdinalIgnoreCase) { "api", "private", "access", "secret", "signing" };

        /// <summary>Whether a field named <paramref name="name"/> holds a secret.</summary>
        public static bool IsSecret(string? name)
        {
            if (string.IsNullOrEmpty(name)) return false;
            var words = Words(name!);
            for (var i = 0; i < words.Count; i++)
            {
                if (SecretWords.Contains(words[i])) return true;
                if (i > 0 && (words[i].Equals("key", StringComparison.OrdinalIgnoreCase) || words[i].Equals("keys", StringComparison.OrdinalIgnoreCase)) && KeyQualifiers.Contains(words[i - 1]))
                    return true;
            }
            return false;
        }

        /// <summary>The words of a snake_case, kebab-case, camelCase or PascalCase name.</summary>
        internal static List<string> Words(string name)
        {
            var words = new List<string>();
            var start = 0;
            for (var i = 0; i <= name.Length; i++)
            {
                var boundary = i == name.Length || !char.IsLetterOrDigit(name[i]) ||
                               (i > start && char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
                if (!boundary) continue;
                if (i > start) words.Add(name.Substring(start, i - start));
                start = i < name.Length && !char.IsLetterOrDigit(name[i]) ? i + 1 : i;
            }
            return words;
        }
    }
}
