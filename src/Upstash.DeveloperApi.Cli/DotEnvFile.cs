using System;
using System.Collections.Generic;
using System.IO;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>Reads KEY=VALUE lines of a .env file (comments, blank lines, <c>export</c> and quotes allowed).</summary>
    public static class DotEnvFile
    {
        /// <summary>The variables of the file at <paramref name="path"/>, or none when it does not exist.</summary>
        public static IReadOnlyDictionary<string, string> Read(string path)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!File.Exists(path)) return values;
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                if (line.StartsWith("export ", StringComparison.Ordinal)) line = line.Substring(7).TrimStart();
                var eq = line.IndexOf('=');
                if (eq <= 0) continue;
                var key = line.Substring(0, eq).Trim();
                var value = line.Substring(eq + 1).Trim();
                if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
                    value = value.Substring(1, value.Length - 2);
                values[key] = value;
            }
            return values;
        }
    }
}
