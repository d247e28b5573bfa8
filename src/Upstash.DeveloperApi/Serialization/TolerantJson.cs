using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Http;

namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>A model that records what could not be read from its JSON instead of failing.</summary>
    internal interface IReadIssueSink
    {
        int ReadIssueCount { get; }

        void AddReadIssue(string issue);
    }

    /// <summary>A response model whose reason to exist is the credentials it carries (the token reset's new token).</summary>
    internal interface ICarriesCredentials
    {
        bool HasCredentials { get; }
    }

    /// <summary>
    /// The tolerant reader: the JSON settings of the generated client, and the reading of success
    /// bodies that keeps what it can. A field that cannot be converted is left null and noted in the
    /// model's read issues; a body that breaks off still yields the fields read before the break.
    /// </summary>
    internal static class TolerantJson
    {
        private const int MaxIssuesPerObject = 64;

        private static JsonSerializer? _serializer;

        /// <summary>Called from the generated client's UpdateJsonSerializerSettings hook.</summary>
        public static void Configure(JsonSerializerSettings settings)
        {
            settings.DateParseHandling = DateParseHandling.None; // unknown fields keep their text exactly
            settings.FloatParseHandling = FloatParseHandling.Double;
            settings.MissingMemberHandling = MissingMemberHandling.Ignore;
            settings.MaxDepth = 64;
            settings.Error = OnError;
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

        /// <summary>Reads <typeparamref name="T"/>; null when nothing usable is in the body. <paramref name="syntaxProblem"/> says where the JSON broke, if it did.</summary>
        public static T? Read<T>(ResponseBody body, JsonSerializer serializer, out string? syntaxProblem)
            where T : class
        {
            syntaxProblem = null;
            if (body.Length == 0) return null;
            try
            {
                using (var reader = new JsonTextReader(new StreamReader(body.OpenRead(), Encoding.UTF8)))
                    return serializer.Deserialize<T>(reader);
            }
            catch (JsonException ex)
            {
                syntaxProblem = Describe(ex);
                return Salvage<T>(body, serializer);
            }
        }

        private static T? Salvage<T>(ResponseBody body, JsonSerializer serializer)
            where T : class
        {
            var salvaged = new JObject();
            try
            {
                using (var reader = new JsonTextReader(new StreamReader(body.OpenRead(), Encoding.UTF8)))
                {
                    if (!reader.Read() || reader.TokenType != JsonToken.StartObject) return null;
                    while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                    {
                        var name = (string)reader.Value!;
                        if (!reader.Read()) break;
                        salvaged[name] = JToken.ReadFrom(reader);
                    }
                }
            }
            catch (JsonException)
            {
                // stop at the break: what was read before it stays
            }
            if (salvaged.Count == 0) return null;
            try
            {
                return salvaged.ToObject<T>(serializer);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static void OnError(object? sender, Newtonsoft.Json.Serialization.ErrorEventArgs args)
        {
            var context = args.ErrorContext;
            if (!ReferenceEquals(context.OriginalObject, args.CurrentObject)) return; // handle it where it happened
            if (args.CurrentObject is IReadIssueSink sink && context.Member is string && sink.ReadIssueCount < MaxIssuesPerObject
                && !(context.Error is JsonReaderException reader && reader.Message.StartsWith("Unexpected end", System.StringComparison.Ordinal)))
            {
                sink.AddReadIssue($"'{Redaction.SafePath(context.Path)}' could not be read as the documented type; it was left null.");
                context.Handled = true;
            }
        }

        private static string Describe(JsonException ex) => ex switch
        {
            JsonReaderException reader => $"the JSON breaks off or is malformed at line {reader.LineNumber}, position {reader.LinePosition}",
            JsonSerializationException serialization => $"the JSON does not have the documented shape at '{Redaction.SafePath(serialization.Path)}'",
            _ => "the JSON could not be read",
        };
    }
}
