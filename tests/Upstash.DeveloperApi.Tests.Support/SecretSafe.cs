using System;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>Test output never shows a token or a password, not even the document's example ones.</summary>
    public static class SecretSafe
    {
        private static readonly string[] SecretFields = { "token", "password", "api_key", "apiKey" };

        public static bool IsSecretField(string name) => SecretFields.Contains(name, StringComparer.OrdinalIgnoreCase);

        public static string Show(JToken? json)
        {
            if (json == null) return "null";
            var copy = json.DeepClone();
            foreach (var property in (copy is JContainer container ? container.DescendantsAndSelf() : new[] { copy }).OfType<JObject>().SelectMany(o => o.Properties()).ToList())
                if (IsSecretField(property.Name)) property.Value = "***";
            return copy.ToString(Formatting.None);
        }

        public static string Show(string name, JToken? value) => IsSecretField(name) ? "***" : value?.ToString(Formatting.None) ?? "null";
    }
}
