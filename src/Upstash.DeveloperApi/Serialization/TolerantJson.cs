using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>A model that records what could not be read from its JSON instead of failing (every generated model is one).</summary>
    internal interface IReadIssueSink
    {
        void AddReadIssue(string issue);
    }

    /// <summary>
    /// The tolerant reader of a buffered body (the result of an operation that issues credentials), and the serializer
    /// settings of every request and response.
    /// </summary>
    /// <remarks>
    /// The body is read in one pass, exactly as a hand-written call would, and a slow path runs when that pass fails: the
    /// JSON is loaded (up to where it breaks off, if it does) and every field converted on its own, so a field that
    /// cannot be converted is left null and noted, and every other field, a new token above all, is kept. Bodies read as
    /// they arrive (lists, other models) go through <see cref="StreamedJson"/>, with the same outcome.
    /// </remarks>
    internal static class TolerantJson
    {
        /// <summary>The settings of requests and responses alike (created once; Json.NET serializers are safe to share).</summary>
        public static JsonSerializerSettings Settings { get; } = CreateSettings();

        /// <summary>The serializer for success bodies.</summary>
        public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

        private static JsonSerializerSettings CreateSettings() => new()
        {
            DateParseHandling = DateParseHandling.None, // unknown fields keep their text exactly
            MissingMemberHandling = MissingMemberHandling.Ignore,
            MaxDepth = 64,
        };

        /// <summary>Reads an object of <paramref name="type"/>; null when nothing usable is in the body, with <paramref name="problem"/> saying why.</summary>
        /// <remarks><paramref name="problem"/> is also set when the result was salvaged from JSON that breaks off.</remarks>
        public static object? Read(Type type, BufferedContent body, out string? problem)
        {
            problem = null;
            if (body.Length == 0)
            {
                problem = "the body is empty";
                return null;
            }
            try
            {
                using var reader = NewReader(body);
                var result = Serializer.Deserialize(reader, type);
                if (result != null) return result;
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                // fall through to the field-by-field reading below
            }
            var json = LoadObject(body, out problem);
            return json == null ? null : FromObject(type, json, problem);
        }

        private static object? FromObject(Type type, JObject json, string? problem)
        {
            if (Serializer.ContractResolver.ResolveContract(type) is not JsonObjectContract contract || contract.DefaultCreator == null)
                return null;
            var result = contract.DefaultCreator();
            var sink = result as IReadIssueSink;
            if (problem != null) sink?.AddReadIssue(problem + "; the fields before that point were kept.");
            foreach (var field in json.Properties())
            {
                var property = contract.Properties.GetClosestMatchProperty(field.Name);
                if (property == null || property.Ignored || !property.Writable || property.ValueProvider == null || property.PropertyType == null)
                {
                    contract.ExtensionDataSetter?.Invoke(result, field.Name, field.Value is JValue value ? value.Value : field.Value);
                    continue;
                }
                try
                {
                    property.ValueProvider.SetValue(result, field.Value.ToObject(property.PropertyType, Serializer));
                }
                catch (Exception ex) when (IsReadFailure(ex))
                {
                    sink?.AddReadIssue($"'{Redaction.SafePath(field.Name)}' could not be read as the documented type; it was left null.");
                }
            }
            return result;
        }

        /// <summary>The body as a JSON object; when the JSON breaks off, the top-level fields read before the break.</summary>
        private static JObject? LoadObject(BufferedContent body, out string? problem)
        {
            problem = null;
            var salvaged = new JObject();
            try
            {
                using var reader = NewReader(body);
                if (!reader.Read())
                {
                    problem = "the body holds no JSON";
                    return null;
                }
                if (reader.TokenType != JsonToken.StartObject)
                {
                    problem = "the body is not a JSON object";
                    return null;
                }
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value!;
                    if (!reader.Read()) break;
                    salvaged[name] = JToken.ReadFrom(reader);
                }
                if (reader.TokenType != JsonToken.EndObject)
                    problem = "the JSON breaks off before the end of the object";
            }
            catch (JsonReaderException ex)
            {
                problem = $"the JSON breaks off or is malformed at line {ex.LineNumber}, position {ex.LinePosition}";
            }
            if (salvaged.Count == 0 && problem != null) return null;
            return salvaged;
        }

        private static JsonTextReader NewReader(BufferedContent body) =>
            new(new StreamReader(body.OpenRead(), Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };

        internal static bool IsReadFailure(Exception ex) =>
            ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException;
    }
}
