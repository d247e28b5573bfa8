using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Upstash.DeveloperApi.Http;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>A model that records what could not be read from its JSON instead of failing.</summary>
    internal interface IReadIssueSink
    {
        void AddReadIssue(string issue);
    }

    /// <summary>A response model whose reason to exist is the credentials it carries (the token reset's new token).</summary>
    internal interface ICarriesCredentials
    {
        bool HasCredentials { get; }
    }

    /// <summary>
    /// The tolerant reader. A body that matches the document is read in one streaming pass, exactly as
    /// a hand-written call would. Only when that pass fails does the slow path run: the JSON is loaded
    /// (up to the point where it breaks off, if it does) and every field is converted on its own, so a
    /// field that cannot be converted is left null and noted, and every other field, the token above
    /// all, is kept.
    /// </summary>
    internal static class TolerantJson
    {
        private static JsonSerializer? _serializer;

        /// <summary>Called from the generated client's UpdateJsonSerializerSettings hook.</summary>
        public static void Configure(JsonSerializerSettings settings)
        {
            settings.DateParseHandling = DateParseHandling.None; // unknown fields keep their text exactly
            settings.MissingMemberHandling = MissingMemberHandling.Ignore;
            settings.MaxDepth = 64;
        }

        /// <summary>The serializer for success bodies (created once; Json.NET serializers are safe to share for reading).</summary>
        public static JsonSerializer Serializer
        {
            get
            {
                var serializer = _serializer;
                if (serializer == null)
                {
                    var settings = new JsonSerializerSettings();
                    Configure(settings);
                    _serializer = serializer = JsonSerializer.Create(settings);
                }
                return serializer;
            }
        }

        /// <summary>Reads <typeparamref name="T"/>; null when nothing usable is in the body, with <paramref name="problem"/> saying why.</summary>
        public static T? Read<T>(BufferedContent body, JsonSerializer serializer, out string? problem)
            where T : class
        {
            problem = null;
            if (body.Length == 0)
            {
                problem = "the body is empty";
                return null;
            }
            try
            {
                using (var reader = new JsonTextReader(new StreamReader(body.OpenRead(), Encoding.UTF8)))
                {
                    var result = serializer.Deserialize<T>(reader);
                    if (result != null) return result;
                }
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                // fall through to the field-by-field reading below
            }
            return ReadFieldByField<T>(body, serializer, out problem);
        }

        private static T? ReadFieldByField<T>(BufferedContent body, JsonSerializer serializer, out string? problem)
            where T : class
        {
            var json = LoadObject(body, out problem);
            if (json == null) return null;
            if (!(serializer.ContractResolver.ResolveContract(typeof(T)) is JsonObjectContract contract) || contract.DefaultCreator == null)
            {
                problem = $"{typeof(T).Name} cannot be read field by field";
                return null;
            }
            var result = (T)contract.DefaultCreator();
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
                    property.ValueProvider.SetValue(result, field.Value.ToObject(property.PropertyType, serializer));
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
                using (var reader = new JsonTextReader(new StreamReader(body.OpenRead(), Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 })
                {
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
            }
            catch (JsonReaderException ex)
            {
                problem = $"the JSON breaks off or is malformed at line {ex.LineNumber}, position {ex.LinePosition}";
            }
            if (salvaged.Count == 0 && problem != null) return null;
            return salvaged;
        }

        private static bool IsReadFailure(Exception ex) =>
            ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException;
    }
}
