using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>
    /// Reads a list item by item and a model field by field as the body arrives: memory holds the result, never the body.
    /// </summary>
    /// <remarks>
    /// A model item is read field by field like a model: a field that cannot be converted is left null, noted on the item
    /// and, naming the item and the field, on the list; an item that is not a model at all is left out and noted on the
    /// list; when the JSON breaks off, what came before the break is kept and the break is noted.
    /// Each read is one Newtonsoft deserialization of a wrapper type whose converter does the item-by-item
    /// (or field-by-field) work with the serializer Newtonsoft hands it. That serializer shares one internal
    /// reader for the whole body: a serializer call per item would create a new one each time (about 300
    /// bytes per item for a model with converters, measured by the list benchmarks).
    /// </remarks>
    internal static class StreamedJson
    {
        private static readonly ConcurrentDictionary<Type, Type> FieldByFieldTypes = new();

        /// <summary>Reads a JSON array of <typeparamref name="T"/>; null when the body is not an array, with <paramref name="problem"/> saying why.</summary>
        /// <exception cref="IOException">The connection failed while the body arrived (the caller tells a stall or a cancellation apart).</exception>
        public static UpstashList<T>? ReadList<T>(Stream body, out string? problem)
        {
            using var reader = NewReader(body);
            if (!Start(reader, JsonToken.StartArray, "array", out problem)) return null;
            var list = (UpstashList<T>)TolerantJson.Serializer.Deserialize(reader, typeof(UpstashList<T>))!;
            if (reader.TokenType == JsonToken.EndArray && HasTextAfter(reader)) ((IReadIssueSink)list).AddReadIssue(TextAfterTheList);
            return list;
        }

        /// <summary>Reads an object of <paramref name="type"/>; null when nothing usable arrived, with <paramref name="problem"/> saying why.</summary>
        /// <exception cref="IOException">The connection failed while the body arrived.</exception>
        public static object? ReadObject(Type type, Stream body, out string? problem)
        {
            using var reader = NewReader(body);
            if (TolerantJson.Serializer.ContractResolver.ResolveContract(type) is not JsonObjectContract { DefaultCreator: not null })
                return ReadWhole(type, reader, out problem);
            if (!Start(reader, JsonToken.StartObject, "object", out problem)) return null;
            var fields = (FieldByField)TolerantJson.Serializer.Deserialize(reader, FieldByFieldTypes.GetOrAdd(type, t => typeof(FieldByField<>).MakeGenericType(t)))!;
            problem = fields.Problem;
            if (fields.Problem != null)
            {
                if (fields.Count == 0) return null;
                (fields.Value as IReadIssueSink)?.AddReadIssue(fields.Problem + "; the fields before that point were kept.");
            }
            return fields.Value;
        }

        /// <summary>Not a model with fields (a dictionary, say): one pass, no salvage.</summary>
        private static object? ReadWhole(Type type, JsonReader reader, out string? problem)
        {
            problem = null;
            try
            {
                var whole = TolerantJson.Serializer.Deserialize(reader, type);
                if (whole == null) problem = "the body is empty";
                return whole;
            }
            catch (Exception ex) when (ex is not JsonReaderException && TolerantJson.IsReadFailure(ex))
            {
                problem = "the body is not what the document describes";
                return null;
            }
            catch (JsonReaderException ex)
            {
                problem = $"the JSON breaks off or is malformed{JsonPosition.At(ex.LineNumber, ex.LinePosition)}";
                return null;
            }
        }

        private static bool Start(JsonReader reader, JsonToken expected, string what, out string? problem)
        {
            problem = null;
            try
            {
                if (!reader.Read()) problem = "the body is empty";
                else if (reader.TokenType != expected) problem = $"the body is not a JSON {what}";
            }
            catch (JsonReaderException)
            {
                problem = $"the body is not a JSON {what}";
            }
            return problem == null;
        }

        /// <summary>The items of the array the reader is at, with the serializer Newtonsoft handed the converter.</summary>
        internal static UpstashList<T> ReadItems<T>(JsonReader reader, JsonSerializer serializer)
        {
            var items = new List<T>();
            List<string>? issues = null;
            Action<string> note = issue => (issues ??= new List<string>()).Add(issue); // one delegate for the whole list
            try
            {
                var complete = false;
                for (var index = 0; reader.Read(); index++)
                {
                    if (reader.TokenType == JsonToken.EndArray)
                    {
                        complete = true;
                        break;
                    }
                    var read = ReadItem<T>(reader, serializer, index, items.Count, note, out var item);
                    if (read == ItemRead.Kept) items.Add(item!);
                    else if (read == ItemRead.EndedInside) break;
                    else if (read == ItemRead.BrokeOff)
                    {
                        complete = true; // the note says it
                        break;
                    }
                }
                if (!complete) note(BreaksOffBeforeTheEnd(items.Count));
            }
            catch (JsonReaderException ex)
            {
                note(Malformed(ex, items.Count));
            }
            return new UpstashList<T>(items, issues);
        }

        /// <summary>What became of one item of a list.</summary>
        internal enum ItemRead
        {
            /// <summary>Read (perhaps with fields left null, noted).</summary>
            Kept,

            /// <summary>Not readable as the item type, or null: left out, noted.</summary>
            LeftOut,

            /// <summary>The JSON broke off inside the item: noted, and the list ends.</summary>
            BrokeOff,

            /// <summary>The body ended inside an item that was being skipped: the list ends, not noted yet.</summary>
            EndedInside,
        }

        /// <summary>
        /// One item of a list, the reader at its first token (and, after it, at its last): a model field by field (a field
        /// of the wrong type is left null and named, and the item is kept), anything else whole.
        /// </summary>
        internal static ItemRead ReadItem<T>(JsonReader reader, JsonSerializer serializer, int index, int kept, Action<string> note, out T? item)
        {
            item = default;
            var depth = reader.Depth;
            var startsContainer = reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray;
            if (reader.TokenType == JsonToken.StartObject && serializer.ContractResolver.ResolveContract(typeof(T)) is JsonObjectContract { DefaultCreator: not null })
            {
                var fields = ReadFieldsNoting<T>(reader, serializer, note, index);
                if (fields.Problem != null)
                {
                    note($"{fields.Problem} in item {index}; {Kept(kept)} before that point {(kept == 1 ? "was" : "were")} kept.");
                    return ItemRead.BrokeOff;
                }
                item = fields.Model;
                return ItemRead.Kept;
            }
            try
            {
                item = serializer.Deserialize<T>(reader);
                if (item != null) return ItemRead.Kept;
                note($"item {index} is null; it was left out.");
                return ItemRead.LeftOut;
            }
            catch (Exception ex) when (ex is not JsonReaderException && TolerantJson.IsReadFailure(ex))
            {
                if (startsContainer && !SkipToEndOf(reader, depth)) return ItemRead.EndedInside;
                note($"item {index} could not be read as the documented type; it was left out.");
                return ItemRead.LeftOut;
            }
        }

        /// <summary>The note for a list followed by more than white space.</summary>
        internal const string TextAfterTheList = "the body goes on after the end of the list; what follows was not read.";

        /// <summary>Whether anything but white space follows the token the reader is at (the end of the list).</summary>
        internal static bool HasTextAfter(JsonReader reader)
        {
            try
            {
                return reader.Read();
            }
            catch (JsonReaderException)
            {
                return true;
            }
        }

        /// <summary>As <see cref="HasTextAfter"/>, reading asynchronously.</summary>
        internal static async System.Threading.Tasks.Task<bool> HasTextAfterAsync(JsonReader reader, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonReaderException)
            {
                return true;
            }
        }

        /// <summary>The note for a list whose JSON ends before its closing bracket.</summary>
        internal static string BreaksOffBeforeTheEnd(int kept) => $"the JSON breaks off before the end of the list; {Kept(kept)} before that point {(kept == 1 ? "was" : "were")} kept.";

        /// <summary>The note for a list whose JSON is malformed or breaks off inside a token.</summary>
        internal static string Malformed(JsonReaderException ex, int kept) =>
            $"the JSON breaks off or is malformed{JsonPosition.At(ex.LineNumber, ex.LinePosition)}; {Kept(kept)} before that point {(kept == 1 ? "was" : "were")} kept.";

        private static string Kept(int count) => count == 1 ? "the 1 item" : $"the {count} items";

        /// <summary>The fields of the object the reader is at, into a new <typeparamref name="T"/>.</summary>
        internal static FieldByField ReadFields<T>(JsonReader reader, JsonSerializer serializer) => ReadFieldsNoting<T>(reader, serializer, null, 0);

        /// <summary>
        /// As <see cref="ReadFields{T}(JsonReader, JsonSerializer)"/>; <paramref name="listNote"/>, when there is one,
        /// hears of each field left null in item <paramref name="index"/> of a list (a list notes it too).
        /// </summary>
        /// <remarks>No delegate is made per item.</remarks>
        private static FieldByField<T> ReadFieldsNoting<T>(JsonReader reader, JsonSerializer serializer, Action<string>? listNote, int index)
        {
            var contract = (JsonObjectContract)serializer.ContractResolver.ResolveContract(typeof(T));
            var result = new FieldByField<T> { Model = (T)contract.DefaultCreator!() };
            var model = (object)result.Model!;
            var sink = model as IReadIssueSink;
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType == JsonToken.EndObject) return result;
                    var name = (string)reader.Value!;
                    if (!reader.Read() || !ReadField(contract, model, sink, name, reader, serializer, listNote, index)) break;
                    result.Count++;
                }
                result.Problem = "the JSON breaks off before the end of the object";
            }
            catch (JsonReaderException ex)
            {
                result.Problem = $"the JSON breaks off or is malformed{JsonPosition.At(ex.LineNumber, ex.LinePosition)}";
            }
            return result;
        }

        /// <summary>
        /// One field: converted to its property, kept as additional data when undocumented, left null and noted when it
        /// cannot be converted.
        /// </summary>
        /// <remarks>False when the body ended inside the field.</remarks>
        private static bool ReadField(JsonObjectContract contract, object result, IReadIssueSink? sink, string name, JsonReader reader, JsonSerializer serializer, Action<string>? listNote, int index)
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
                property.ValueProvider.SetValue(result, serializer.Deserialize(reader, property.PropertyType));
            }
            catch (Exception ex) when (ex is not JsonReaderException && TolerantJson.IsReadFailure(ex))
            {
                if (startsContainer && !SkipToEndOf(reader, depth)) return false;
                var safe = Redaction.SafePath(name);
                sink?.AddReadIssue($"'{safe}' could not be read as the documented type; it was left null.");
                listNote?.Invoke($"item {index}: '{safe}' could not be read as the documented type; it was left null.");
            }
            return true;
        }

        /// <summary>Moves to the end of the container that starts at <paramref name="depth"/>; false when the body ends first.</summary>
        private static bool SkipToEndOf(JsonReader reader, int depth)
        {
            while (!(reader.Depth == depth && (reader.TokenType == JsonToken.EndObject || reader.TokenType == JsonToken.EndArray)))
                if (!reader.Read()) return false;
            return true;
        }

        /// <summary>A reader of a body as it arrives, with the buffer a hand-written call has, leaving the stream to its owner.</summary>
        internal static JsonTextReader NewReader(Stream body) =>
            new(new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };

        /// <summary>A model read field by field (see <see cref="StreamedJson"/>).</summary>
        internal abstract class FieldByField
        {
            public abstract object? Value { get; }

            /// <summary>How many fields were read.</summary>
            public int Count { get; set; }

            /// <summary>Where the JSON broke off, or null.</summary>
            public string? Problem { get; set; }
        }

        [JsonConverter(typeof(Converter))]
        internal sealed class FieldByField<T> : FieldByField
        {
            public T? Model { get; set; }

            public override object? Value => Model;
        }

        /// <summary>Reads <see cref="UpstashList{T}"/> and <see cref="FieldByField{T}"/> (see the remarks of <see cref="StreamedJson"/>).</summary>
        internal sealed class Converter : JsonConverter
        {
            private static readonly ConcurrentDictionary<Type, Func<JsonReader, JsonSerializer, object>> Readers = new();

            public override bool CanWrite => false;

            public override bool CanConvert(Type objectType) => true;

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
                Readers.GetOrAdd(objectType, Create)(reader, serializer);

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();

            private static Func<JsonReader, JsonSerializer, object> Create(Type objectType)
            {
                var name = objectType.GetGenericTypeDefinition() == typeof(UpstashList<>) ? nameof(ReadItems) : nameof(ReadFields);
                var method = typeof(StreamedJson).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(objectType.GetGenericArguments()[0]);
                return (Func<JsonReader, JsonSerializer, object>)Delegate.CreateDelegate(typeof(Func<JsonReader, JsonSerializer, object>), method);
            }
        }
    }
}
