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
    /// The tolerant reader, for every model and every list. A buffered object (the result of an operation
    /// that issues credentials) is read in one pass, exactly as a hand-written call would, and a slow path
    /// runs when that pass fails: the JSON is loaded (up to where it breaks off, if it does) and every field
    /// converted on its own, so a field that cannot be converted is left null and noted, and every other
    /// field, a new token above all, is kept. A streamed object is read field by field as it arrives, with
    /// the same outcome. A list is read as it arrives, item by item: an item that cannot be read is left
    /// out and noted, and the good items are kept.
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
        /// Reads a JSON array of <typeparamref name="T"/> item by item as it arrives: memory holds the items,
        /// never the body. An item that cannot be read as the document says is left out and noted on the list.
        /// </summary>
        /// <exception cref="System.IO.IOException">The connection failed while the body arrived (the caller tells a stall or a cancellation apart).</exception>
        public static ModelList<T>? ReadList<T>(Stream body, out string? problem)
        {
            using var reader = NewReader(body);
            problem = null;
            var items = new List<T>();
            var issues = new List<string>();
            try
            {
                if (!reader.Read())
                {
                    problem = "the body is empty";
                    return null;
                }
                if (reader.TokenType != JsonToken.StartArray)
                {
                    problem = "the body is not a JSON array";
                    return null;
                }
                var complete = false;
                for (var index = 0; reader.Read(); index++)
                {
                    if (reader.TokenType == JsonToken.EndArray)
                    {
                        complete = true;
                        break;
                    }
                    var depth = reader.Depth;
                    var startsContainer = reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray;
                    try
                    {
                        var item = Serializer.Deserialize<T>(reader);
                        if (item != null) items.Add(item);
                        else issues.Add($"item {index} is null; it was left out.");
                    }
                    catch (Exception ex) when (ex is not JsonReaderException && IsReadFailure(ex))
                    {
                        if (startsContainer && !SkipToEndOf(reader, depth)) break;
                        issues.Add($"item {index} could not be read as the documented type; it was left out.");
                    }
                }
                if (!complete) issues.Add($"the JSON breaks off before the end of the list; the {items.Count} items before that point were kept.");
            }
            catch (JsonReaderException ex)
            {
                issues.Add($"the JSON breaks off or is malformed at line {ex.LineNumber}, position {ex.LinePosition}; the {items.Count} items before that point were kept.");
            }
            var list = new ModelList<T>(items);
            foreach (var issue in issues) list.AddReadIssue(issue);
            return list;
        }

        /// <summary>
        /// Reads an object of <paramref name="type"/> as it arrives, field by field: memory holds the model, never
        /// the body. A field that cannot be converted is left null and noted; when the JSON breaks off, the fields
        /// before the break are kept and the break is noted. Null when nothing usable arrived, with <paramref name="problem"/> saying why.
        /// </summary>
        /// <exception cref="System.IO.IOException">The connection failed while the body arrived (the caller tells a stall or a cancellation apart).</exception>
        public static object? ReadObject(Type type, Stream body, out string? problem)
        {
            problem = null;
            using var reader = NewReader(body);
            if (Serializer.ContractResolver.ResolveContract(type) is not JsonObjectContract contract || contract.DefaultCreator == null)
            {
                // Not a model with fields (a dictionary, say): one pass, no salvage.
                try
                {
                    var whole = Serializer.Deserialize(reader, type);
                    if (whole == null) problem = "the body is empty";
                    return whole;
                }
                catch (Exception ex) when (IsReadFailure(ex))
                {
                    problem = "the body is not what the document describes";
                    return null;
                }
            }
            object? result = null;
            IReadIssueSink? sink = null;
            var fields = 0;
            try
            {
                if (!reader.Read())
                {
                    problem = "the body is empty";
                    return null;
                }
                if (reader.TokenType != JsonToken.StartObject)
                {
                    problem = "the body is not a JSON object";
                    return null;
                }
                result = contract.DefaultCreator();
                sink = result as IReadIssueSink;
                var complete = false;
                while (reader.Read())
                {
                    if (reader.TokenType == JsonToken.EndObject)
                    {
                        complete = true;
                        break;
                    }
                    var name = (string)reader.Value!;
                    if (!reader.Read() || !ReadField(contract, result, sink, name, reader)) break;
                    fields++;
                }
                if (!complete) problem = "the JSON breaks off before the end of the object";
            }
            catch (JsonReaderException ex)
            {
                problem = $"the JSON breaks off or is malformed at line {ex.LineNumber}, position {ex.LinePosition}";
            }
            if (result == null || (fields == 0 && problem != null)) return null;
            if (problem != null) sink?.AddReadIssue(problem + "; the fields before that point were kept.");
            return result;
        }

        /// <summary>
        /// One field of a streamed object: converted to its property, kept as additional data when undocumented,
        /// left null and noted when it cannot be converted. False when the body ended inside the field.
        /// </summary>
        private static bool ReadField(JsonObjectContract contract, object result, IReadIssueSink? sink, string name, JsonReader reader)
        {
            var property = contract.Properties.GetClosestMatchProperty(name);
            if (property == null || property.Ignored || !property.Writable || property.ValueProvider == null || property.PropertyType == null)
            {
                var value = JToken.ReadFrom(reader);
                contract.ExtensionDataSetter?.Invoke(result, name, value is JValue primitive ? primitive.Value : value);
                return true;
            }
            var depth = reader.Depth;
            var startsContainer = reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray;
            try
            {
                property.ValueProvider.SetValue(result, Serializer.Deserialize(reader, property.PropertyType));
            }
            catch (Exception ex) when (ex is not JsonReaderException && IsReadFailure(ex))
            {
                if (startsContainer && !SkipToEndOf(reader, depth)) return false;
                sink?.AddReadIssue($"'{Redaction.SafePath(name)}' could not be read as the documented type; it was left null.");
            }
            return true;
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

        /// <summary>Moves to the end of the container that starts at <paramref name="depth"/>; false when the body ends first.</summary>
        private static bool SkipToEndOf(JsonReader reader, int depth)
        {
            while (!(reader.Depth == depth && (reader.TokenType == JsonToken.EndObject || reader.TokenType == JsonToken.EndArray)))
                if (!reader.Read()) return false;
            return true;
        }

        private static JsonTextReader NewReader(BufferedContent body) =>
            new(new StreamReader(body.OpenRead(), Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };

        /// <summary>A reader of a body as it arrives (16 KiB at a time), leaving the stream to its owner.</summary>

        private static JsonTextReader NewReader(Stream body) =>
            new(new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };

        internal static bool IsReadFailure(Exception ex) =>
            ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException;
    }
}
