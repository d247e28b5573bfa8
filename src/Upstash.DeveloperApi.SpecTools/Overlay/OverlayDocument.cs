using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.SpecTools.Overlay
{
    /// <summary>
    /// An OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0): the project's reviewed corrections to
    /// the vendored API document, applied in order before code generation.
    /// </summary>
    /// <remarks>
    /// Supported: <c>update</c> (an object target: merged recursively, values replaced, arrays inside it extended; an
    /// array target: the update appended as one entry) and <c>remove</c>, with targets in the JSONPath subset of
    /// <see cref="JsonPathQuery"/>. A target that selects nothing is an error naming the action: a correction that no
    /// longer applies must be looked at, never skipped.
    /// </remarks>
    public sealed class OverlayDocument
    {
        private OverlayDocument(string source, string title, string version, IReadOnlyList<OverlayAction> actions)
        {
            Source = source;
            Title = title;
            Version = version;
            Actions = actions;
        }

        /// <summary>Where the overlay was read from (for messages).</summary>
        public string Source { get; }

        /// <summary><c>info.title</c>.</summary>
        public string Title { get; }

        /// <summary><c>info.version</c>.</summary>
        public string Version { get; }

        /// <summary>The actions, in order.</summary>
        public IReadOnlyList<OverlayAction> Actions { get; }

        /// <summary>Reads an overlay file (YAML or JSON).</summary>
        /// <exception cref="OverlayException">The file is not an Overlay 1.0 document of the supported subset.</exception>
        public static OverlayDocument Load(string path)
        {
            JToken json;
            try
            {
                json = OpenApiYaml.ReadJson(path);
            }
            catch (Exception ex) when (ex is OpenApiLoadException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new OverlayException($"{path}: {ex.Message}", ex);
            }
            return Parse(json, path);
        }

        /// <summary>Reads an overlay from its JSON tree.</summary>
        /// <exception cref="OverlayException">It is not an Overlay 1.0 document of the supported subset.</exception>
        public static OverlayDocument Parse(JToken json, string source)
        {
            if (json is not JObject root) throw new OverlayException($"{source}: an overlay is a mapping with 'overlay', 'info' and 'actions'.");
            var version = (string?)root["overlay"];
            if (version == null || !version.StartsWith("1.0", StringComparison.Ordinal))
                throw new OverlayException($"{source}: 'overlay' must be 1.0.x (found '{version ?? "nothing"}').");
            var info = root["info"] as JObject ?? throw new OverlayException($"{source}: 'info' (title and version) is required.");
            var title = (string?)info["title"] ?? throw new OverlayException($"{source}: 'info.title' is required.");
            var infoVersion = info["version"]?.ToString() ?? throw new OverlayException($"{source}: 'info.version' is required.");
            if (root["actions"] is not JArray actionsJson || actionsJson.Count == 0)
                throw new OverlayException($"{source}: 'actions' must be a non-empty list.");
            var actions = new List<OverlayAction>();
            for (var i = 0; i < actionsJson.Count; i++)
                actions.Add(OverlayAction.Parse(actionsJson[i], i + 1, source));
            return new OverlayDocument(source, title, infoVersion, actions);
        }

        /// <summary>Applies every action to a copy of <paramref name="document"/>, in order.</summary>
        /// <exception cref="OverlayException">An action's target selects nothing, or cannot take its update; the message names the action.</exception>
        public JObject ApplyTo(JObject document)
        {
            var result = (JObject)document.DeepClone();
            foreach (var action in Actions) action.ApplyTo(result, Source);
            return result;
        }
    }

    /// <summary>One action of an overlay: a target, a description (why), and an update or a removal.</summary>
    public sealed class OverlayAction
    {
        private OverlayAction(int number, JsonPathQuery target, string? description, JToken? update, bool remove)
        {
            Number = number;
            Target = target;
            Description = description;
            Update = update;
            Remove = remove;
        }

        /// <summary>The action's position in the file, from 1.</summary>
        public int Number { get; }

        /// <summary>The nodes it changes.</summary>
        public JsonPathQuery Target { get; }

        /// <summary>Why (the overlay's <c>description</c>).</summary>
        public string? Description { get; }

        /// <summary>What is merged into each target; null for a removal.</summary>
        public JToken? Update { get; }

        /// <summary>Whether the targets are removed.</summary>
        public bool Remove { get; }

        /// <summary>How messages name the action: its number, target and the first line of its description.</summary>
        public string Name => $"action {Number} ({Target.Text}{(string.IsNullOrWhiteSpace(Description) ? string.Empty : ": " + FirstLine(Description!))})";

        internal static OverlayAction Parse(JToken json, int number, string source)
        {
            if (json is not JObject obj) throw new OverlayException($"{source}: action {number} is not a mapping.");
            var targetText = (string?)obj["target"] ?? throw new OverlayException($"{source}: action {number} has no 'target'.");
            JsonPathQuery target;
            try
            {
                target = JsonPathQuery.Parse(targetText);
            }
            catch (FormatException ex)
            {
                throw new OverlayException($"{source}: action {number}: {ex.Message}", ex);
            }
            foreach (var key in obj.Properties().Select(p => p.Name))
                if (key is not ("target" or "description" or "update" or "remove") && !key.StartsWith("x-", StringComparison.Ordinal))
                    throw new OverlayException($"{source}: action {number} has '{key}', which Overlay 1.0 does not define.");
            var remove = obj["remove"]?.Type == JTokenType.Boolean && (bool)obj["remove"]!;
            var update = obj["update"];
            if (remove == (update != null))
                throw new OverlayException($"{source}: action {number} ({targetText}) must have either 'update' or 'remove: true'.");
            return new OverlayAction(number, target, (string?)obj["description"], update, remove);
        }

        internal void ApplyTo(JObject document, string source)
        {
            var matches = Target.Select(document);
            if (matches.Count == 0)
                throw new OverlayException($"{source}: {Name} selects nothing in this document. The correction no longer applies: review it against the new revision, then change or delete it.");
            var before = matches.Select(m => m.Value.DeepClone()).ToList();
            foreach (var match in matches)
            {
                if (Remove)
                {
                    switch (match.Parent)
                    {
                        case JObject parent: parent.Remove((string)match.Key!); break;
                        case JArray array: array[(int)match.Key!].Remove(); break;
                        default: throw new OverlayException($"{source}: {Name} would remove the whole document.");
                    }
                    continue;
                }
                if (match.Value is JArray selected)
                {
                    // An update of an array is one entry to append; one the array already holds means the document has the correction now.
                    if (selected.Any(item => JToken.DeepEquals(item, Update)))
                        throw new OverlayException($"{source}: {Name} appends a value the document already has. Upstream has made this correction: delete the action.");
                    selected.Add(Update!.DeepClone());
                }
                else Merge(match.Value, Update!, source);
            }
            if (!Remove && matches.Select((m, i) => JToken.DeepEquals(m.Value, before[i])).All(unchanged => unchanged))
                throw new OverlayException($"{source}: {Name} changes nothing in this document. Upstream has made this correction: delete the action.");
        }

        private void Merge(JToken target, JToken update, string source)
        {
            switch (target)
            {
                case JObject obj when update is JObject changes:
                    foreach (var change in changes.Properties())
                    {
                        if (obj[change.Name] is JContainer existing && (change.Value is JObject || (change.Value is JArray && existing is JArray)) && existing.Type == change.Value.Type)
                            Merge(existing, change.Value, source);
                        else
                            obj[change.Name] = change.Value.DeepClone();
                    }
                    break;
                case JArray array when update is JArray items: // an array inside a merged object: its items are appended
                    foreach (var item in items) array.Add(item.DeepClone());
                    break;
                default:
                    throw new OverlayException($"{source}: {Name} targets a {target.Type}, which an update cannot merge into (target an object or an array).");
            }
        }

        private static string FirstLine(string text) => text.Split('\n')[0].Trim();
    }

    /// <summary>An overlay could not be read or applied; the message names the file and the action.</summary>
    public sealed class OverlayException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public OverlayException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
