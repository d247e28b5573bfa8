using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NSwag;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// The effective API document (the vendored openapi/openapi.yml with openapi/corrections.overlay.yml
    /// applied), read at test time: tests take paths, servers, schemas and examples from here, never from
    /// copies pasted into a test.
    /// </summary>
    public static class SpecDocument
    {
        /// <summary>Set to test another document than openapi/openapi.yml (the spec-update workflow test does).</summary>
        public const string PathVariable = "UPSTASH_SPEC_PATH";

        /// <summary>Set with <see cref="PathVariable"/>: that document's overlay, or <c>none</c>.</summary>
        public const string OverlayVariable = "UPSTASH_OVERLAY_PATH";

        private static readonly Lazy<JObject> Effective = new(() => EffectiveDocument.LoadJson(FilePath, OverlayPath));

        private static readonly Lazy<SpecModel> Loaded = new(() => SpecModel.Load(EffectiveJson, FilePath));

        public static string FilePath =>
            Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
                ? path
                : Path.Combine(AppContext.BaseDirectory, "openapi", "openapi.yml");

        public static string? OverlayPath =>
            Environment.GetEnvironmentVariable(OverlayVariable) is { Length: > 0 } overlay
                ? (overlay == "none" ? null : overlay)
                : EffectiveDocument.OverlayBeside(FilePath);

        /// <summary>The effective document as JSON (a copy each time: change it freely).</summary>
        public static JObject EffectiveJson => (JObject)Effective.Value.DeepClone();

        public static OpenApiDocument Document => Loaded.Value.Document;

        public static IEnumerable<SpecOperation> Operations => Loaded.Value.Operations;

        public static IEnumerable<SpecExample> ResponseExamples => Loaded.Value.ResponseExamples;

        /// <summary>
        /// The seed's operation, found the way its reference page names it (<c>POST /qstash/user/rotatetoken</c>
        /// at the host root), not by an operationId, which the overlay gives it.
        /// </summary>
        public static SpecOperation Seed => Operations.Single(o => o.Path == "/qstash/user/rotatetoken" && string.Equals(o.Method, "post", StringComparison.OrdinalIgnoreCase));

        /// <summary>A copy of the effective document, changed by <paramref name="mutate"/>.</summary>
        public static JObject Mutated(Action<JObject> mutate)
        {
            var json = EffectiveJson;
            mutate(json);
            return json;
        }

        /// <summary>The same, written to a temporary file (JSON, which YAML readers read too).</summary>
        public static string MutatedCopy(Action<JObject> mutate)
        {
            var path = TestTemp.NewFile("openapi-mutated.json");
            File.WriteAllText(path, Mutated(mutate).ToString(Formatting.Indented));
            return path;
        }
    }

    /// <summary>One loaded document with the views tests need.</summary>
    public sealed class SpecModel
    {
        private SpecModel(OpenApiDocument document) => Document = document;

        public OpenApiDocument Document { get; }

        public static SpecModel Load(JObject effective, string sourceName) => new(EffectiveDocument.ToOpenApiAsync(effective, sourceName).GetAwaiter().GetResult());

        public IEnumerable<SpecOperation> Operations =>
            from path in Document.Paths
            from op in path.Value
            select new SpecOperation(path.Key, op.Key, path.Value, op.Value, Document);

        /// <summary>Each operation's JSON success example: its own, or assembled from its properties' examples, as the reference pages show it.</summary>
        public IEnumerable<SpecExample> ResponseExamples =>
            from op in Operations
            from response in op.Operation.ActualResponses
            where response.Key.StartsWith("2") && response.Value.Content != null
            from media in response.Value.Content
            where media.Key == "application/json"
            let example = ExampleAssembler.For(media.Value)
            where example != null
            select new SpecExample(op, response.Key, media.Key, "assembled", example, media.Value.Schema?.ActualSchema);
    }

    public sealed record SpecOperation(string Path, string Method, OpenApiPathItem PathItem, OpenApiOperation Operation, OpenApiDocument Document)
    {
        public string Id => Operation.OperationId;

        public string ServerUrl => OpenApiParts.ServerUrl(Document, PathItem, Operation);

        public Uri Server => new(ServerUrl);

        /// <summary>The path a request must have when the base address is a bare host: server path + operation path.</summary>
        public string ExpectedRequestPath => "/" + string.Join("/", new[] { Server.AbsolutePath.Trim('/'), Path.Trim('/') }.Where(p => p.Length > 0));

        public override string ToString() => $"{Method.ToUpperInvariant()} {Path} ({Id})";
    }

    public sealed record SpecExample(SpecOperation Operation, string Status, string MediaType, string Name, JToken Value, NJsonSchema.JsonSchema? Schema)
    {
        public override string ToString() => $"{Operation.Id} {Status} {MediaType} example '{Name}'";
    }
}
