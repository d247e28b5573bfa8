using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// The vendored OpenAPI document, read at test time: tests take paths, servers, schemas and
    /// examples from here, never from copies pasted into a test.
    /// </summary>
    public static class SpecDocument
    {
        /// <summary>Set to test another document than openapi/openapi.yml (the spec-update workflow test does).</summary>
        public const string PathVariable = "UPSTASH_SPEC_PATH";

        private static readonly Lazy<SpecModel> Loaded = new(() => SpecModel.Load(FilePath));

        public static string FilePath =>
            Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
                ? path
                : Path.Combine(AppContext.BaseDirectory, "openapi", "openapi.yml");

        public static OpenApiDocument Document => Loaded.Value.Document;

        public static IEnumerable<SpecOperation> Operations => Loaded.Value.Operations;

        public static IEnumerable<SpecExample> ResponseExamples => Loaded.Value.ResponseExamples;

        /// <summary>A copy of the document, changed by <paramref name="mutate"/>, written to a temporary file (JSON, which YAML readers read too).</summary>
        public static string MutatedCopy(Action<JObject> mutate)
        {
            var json = (JObject)OpenApiYaml.ReadJson(FilePath);
            mutate(json);
            var path = Path.Combine(Path.GetTempPath(), $"openapi-mutated-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, json.ToString(Formatting.Indented));
            return path;
        }
    }

    /// <summary>One loaded document with the views tests need.</summary>
    public sealed class SpecModel
    {
        private SpecModel(OpenApiDocument document) => Document = document;

        public OpenApiDocument Document { get; }

        public static SpecModel Load(string path) => new(OpenApiYaml.LoadAsync(path).GetAwaiter().GetResult());

        public IEnumerable<SpecOperation> Operations =>
            from path in Document.Paths
            from op in path.Value
            select new SpecOperation(path.Key, op.Key, path.Value, op.Value, Document);

        public IEnumerable<SpecExample> ResponseExamples =>
            from op in Operations
            from response in op.Operation.ActualResponses
            where response.Value.Content != null
            from media in response.Value.Content
            from example in OpenApiParts.ExamplesOf(media.Value)
            select new SpecExample(op, response.Key, media.Key, example.Key, example.Value, media.Value.Schema?.ActualSchema);
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
