using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>
    /// Loads an OpenAPI document from YAML with its scalars typed as YAML 1.2 (core schema) says:
    /// <c>true</c> is a boolean and <c>1000</c> a number, so examples compare equal to JSON responses.
    /// </summary>
    public static class OpenApiYaml
    {
        private static readonly Regex Integer = new(@"^[-+]?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant);
        private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

        /// <summary>Reads a YAML (or JSON) file into a JSON tree.</summary>
        /// <exception cref="OpenApiLoadException">The text is not YAML; the message gives line and column.</exception>
        public static JToken ReadJson(string path)
        {
            using var reader = File.OpenText(path);
            return ReadJson(reader, path);
        }

        /// <summary>Reads YAML (or JSON) text into a JSON tree.</summary>
        /// <exception cref="OpenApiLoadException">The text is not YAML; the message gives line and column.</exception>
        public static JToken ReadJson(TextReader text, string sourceName)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(text);
            }
            catch (YamlException ex)
            {
                throw new OpenApiLoadException($"{sourceName}: not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
            }
            if (stream.Documents.Count == 0) throw new OpenApiLoadException($"{sourceName}: the file is empty.");
            return Convert(stream.Documents[0].RootNode);
        }

        /// <summary>Loads the OpenAPI document at <paramref name="path"/> with typed examples.</summary>
        /// <exception cref="OpenApiLoadException">The file is not YAML or not an OpenAPI document.</exception>
        public static Task<OpenApiDocument> LoadAsync(string path) => FromJsonAsync(ReadJson(path), Path.GetFullPath(path));

        /// <summary>Loads an OpenAPI document from YAML (or JSON) text with typed examples.</summary>
        /// <param name="text">The document.</param>
        /// <param name="sourceName">Names the document in error messages.</param>
        /// <exception cref="OpenApiLoadException">The text is not YAML or not an OpenAPI document.</exception>
        public static Task<OpenApiDocument> LoadAsync(TextReader text, string sourceName) => FromJsonAsync(ReadJson(text, sourceName), sourceName);

        /// <summary>Converts a JSON tree (typed as <see cref="ReadJson(string)"/> reads it) to NSwag's document model.</summary>
        /// <exception cref="OpenApiLoadException">It is not a readable OpenAPI document.</exception>
        public static async Task<OpenApiDocument> FromJsonAsync(JToken json, string sourceName)
        {
            try
            {
                return await OpenApiDocument.FromJsonAsync(json.ToString(Formatting.None), sourceName).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                throw new OpenApiLoadException($"{sourceName}: not a readable OpenAPI document: {ex.Message}", ex);
            }
        }

        private static JToken Convert(YamlNode node) => node switch
        {
            YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value ?? string.Empty, Convert(c.Value)))),
            YamlSequenceNode seq => new JArray(seq.Children.Select(Convert)),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new OpenApiLoadException($"Unexpected YAML node {node.NodeType}."),
        };

        private static JToken Scalar(YamlScalarNode scalar)
        {
            var value = scalar.Value ?? string.Empty;
            if (scalar.Style != ScalarStyle.Plain) return new JValue(value);
            switch (value)
            {
                case "" or "~" or "null" or "Null" or "NULL": return JValue.CreateNull();
                case "true" or "True" or "TRUE": return new JValue(true);
                case "false" or "False" or "FALSE": return new JValue(false);
            }
            if (Integer.IsMatch(value))
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? new JValue(l)
                    : new JValue(BigInteger.Parse(value, CultureInfo.InvariantCulture));
            if (Float.IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                return new JValue(d);
            return new JValue(value);
        }
    }

    /// <summary>The API document could not be loaded.</summary>
    public sealed class OpenApiLoadException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public OpenApiLoadException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
