using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// Reads KEY=VALUE lines of a .env file as shells and dotenv tools do: blank lines and <c># comments</c>,
    /// an optional <c>export</c> (followed by any white space), values in single or double quotes (kept as
    /// written), and a <c># comment</c> after an unquoted value when white space comes before the <c>#</c>.
    /// </summary>
    public static class DotEnvFile
    {
        /// <summary>The variables of the file at <paramref name="path"/>.</summary>
        /// <exception cref="FormatException">A line is malformed (no <c>=</c>, a name that is not a variable name, an unclosed quote, text after the closing quote); the message names the line (and a valid name), never a value or a control character.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static IReadOnlyDictionary<string, string> Read(string path)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var raw in File.ReadAllLines(path))
            {
                number++;
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                if (line.StartsWith("export", StringComparison.Ordinal) && line.Length > 6 && char.IsWhiteSpace(line[6])) line = line.Substring(7).TrimStart();
                var eq = line.IndexOf('=');
                if (eq < 0) throw new FormatException($"line {number}: there is no '=' (every line that is not blank or a # comment is NAME=VALUE).");
                var key = line.Substring(0, eq).Trim();
                if (!IsName(key)) throw new FormatException($"line {number}: the text before '=' is not a variable name (letters, digits and '_', not starting with a digit).");
                values[key] = Value(line.Substring(eq + 1).Trim(), key, number);
            }
            return values;
        }

        private static bool IsName(string key) =>
            key.Length > 0 && !char.IsDigit(key[0]) && key.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

        private static string Value(string text, string key, int line)
        {
            if (text.Length == 0) return text;
            var quote = text[0];
            if (quote == '"' || quote == '\'')
            {
                var close = text.IndexOf(quote, 1);
                if (close < 0) throw new FormatException($"line {line} ({key}): the value opens a {(quote == '"' ? "double" : "single")} quote and never closes it.");
                var rest = text.Substring(close + 1).Trim();
                if (rest.Length > 0 && rest[0] != '#') throw new FormatException($"line {line} ({key}): there is text after the closing quote.");
                return text.Substring(1, close - 1);
            }
            for (var i = 1; i < text.Length; i++)
                if (text[i] == '#' && char.IsWhiteSpace(text[i - 1])) return text.Substring(0, i).TrimEnd();
            return text;
        }
    }
}
