using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>Reading one JSON value from text, with positions in errors only where they are real.</summary>
    internal static class JsonText
    {
        /// <summary>The one JSON value of <paramref name="text"/>.</summary>
        /// <exception cref="JsonReaderException">It is not one JSON value (nothing, malformed, deeper than <paramref name="maxDepth"/>, or more after it).</exception>
        public static JToken Parse(string text, int maxDepth = 64)
        {
            using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = maxDepth, DateParseHandling = DateParseHandling.None };
            var json = JToken.ReadFrom(reader);
            if (reader.Read()) throw new JsonReaderException("There is more after the JSON value.", reader.Path, reader.LineNumber, reader.LinePosition, null);
            return json;
        }

        /// <summary><c>" (line 3, position 7)"</c>, or nothing when the reader had no position (an empty or unread text).</summary>
        public static string Where(JsonReaderException ex) => ex.LineNumber > 0 ? $" (line {ex.LineNumber}, position {ex.LinePosition})" : string.Empty;
    }
}
