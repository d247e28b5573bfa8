using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Upstash.DeveloperApi.Http;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>A model that records what could not be read from its JSON instead of failing (every generated model is one).</summary>
    internal interface IReadIssueSink
    {
        void AddReadIssue(string issue);
    }

    /// <summary>
    /// The tolerant reader, for every model and every list. A body that matches the document is read in one
    /// streaming pass, exactly as a hand-written call would. Only when that pass fails does a slow path run:
    /// for an object, the JSON is loaded (up to where it breaks off, if it does) and every field converted on
    /// its own, so a field that cannot be converted is left null and noted, and every other field, a new
    /// token above all, is kept; for a list, each item that failed is read that way, and the good items are
    /// kept as they were.
    /// </summary>
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

        /// <summary>
        /// Reads a JSON array of <typeparamref name="T"/> item by item. An item that cannot be read as the
        /// document says is read field by field from the buffered body; an item that is not an object at all
        /// is left out; both are noted on the list.
        /// </summary>
        public static ModelList<T>? ReadList<T>(BufferedContent body, out string? problem)
        {
            problem = null;
            if (body.Length == 0)
            {
                problem = "the body is empty";
                return null;
            }
            var items = new List<T>();
            List<int>? failed = null;
            string? brokeOff = null;
            using (var reader = NewReader(body))
            {
                try
                {
                    if (!reader.Read() || reader.TokenType != JsonToken.StartArray)
                    {
                        problem = "the body is not a JSON array";
                        return null;
                    }
                    for (var index = 0; reader.Read() && reader.TokenType != JsonToken.EndArray; index++)
                    {
                        var depth = reader.Depth;
                        var startsContainer = reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray;
                        try
                        {
                            var item = Serializer.Deserialize<T>(reader);
                            if (item == null) (failed ??= new List<int>()).Add(index);
                            items.Add(item!);
                        }
                        catch (Exception ex) when (ex is JsonSerializationException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
                        {
                            (failed ??= new List<int>()).Add(index);
                            items.Add(default!); // a place kept for the slow path
                            if (startsContainer) SkipToEndOf(reader, depth);
                        }
                    }
                }
                catch (JsonReaderException ex)
                {
                    brokeOff = $"the JSON breaks off or is malformed at line {ex.LineNumber}, position {ex.LinePosition}; the items before that point were kept";
                }
            }
            return Salvage(items, failed, brokeOff, body);
        }

        private static ModelList<T> Salvage<T>(List<T> items, List<int>? failed, string? brokeOff, BufferedContent body)
        {
            if (failed != null)
            {
                var elements = LoadArray(body);
                foreach (var index in failed)
                {
                    var element = index < elements.Count ? elements[index] as JObject : null;
                    var item = element == null ? default : (T?)FromObject(typeof(T), element, null);
                    if (index < items.Count) items[index] = item!;
                    else items.Add(item!);
                }
            }
            var issues = new List<string>();
            var kept = new List<T>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] == null)
                {
                    issues.Add($"item {i} could not be read as the documented type; it was left out.");
                    continue;
                }
                if (failed != null && failed.Contains(i) && items[i] is IReadIssues partial && partial.ReadIssues.Count > 0)
                    issues.Add($"item {i} was read with {partial.ReadIssues.Count} read issue(s); see its ReadIssues.");
                kept.Add(items[i]);
            }
            if (brokeOff != null) issues.Add(brokeOff + ".");
            var list = new ModelList<T>(kept);
            foreach (var issue in issues) list.AddReadIssue(issue);
            return list;
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

        /// <summary>The elements of the body's array, as far as they can be read.</summary>
        private static List<JToken> LoadArray(BufferedContent body)
        {
            var elements = new List<JToken>();
            try
            {
                using var reader = NewReader(body);
                if (!reader.Read() || reader.TokenType != JsonToken.StartArray) return elements;
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                    elements.Add(JToken.ReadFrom(reader));
            }
            catch (JsonReaderException)
            {
                // the elements before the break are kept
            }
            return elements;
        }

        private static void SkipToEndOf(JsonReader reader, int depth)
        {
            while (!(reader.Depth == depth && (reader.TokenType == JsonToken.EndObject || reader.TokenType == JsonToken.EndArray)))
                if (!reader.Read()) return;
        }

        private static JsonTextReader NewReader(BufferedContent body) =>
            new(new StreamReader(body.OpenRead(), Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };

        internal static bool IsReadFailure(Exception ex) =>
            ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException;
    }
}
