using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration
{
    /// <summary>The operations of an OpenAPI document, in document order: the one walk every rule uses.</summary>
    public static class DocumentOperations
    {
        /// <summary>The keys of a path item that hold an operation.</summary>
        public static readonly IReadOnlyList<string> Methods = new[] { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

        /// <summary>Every operation with its path, its path item and its method key (<c>post</c>).</summary>
        public static IEnumerable<DocumentOperation> All(JObject document)
        {
            if (document["paths"] is not JObject paths) yield break;
            foreach (var path in paths.Properties())
            {
                if (path.Value is not JObject item) continue;
                foreach (var method in item.Properties().Where(p => Methods.Contains(p.Name)))
                    if (method.Value is JObject operation)
                        yield return new DocumentOperation(path.Name, item, method.Name, operation);
            }
        }
    }

    /// <summary>One operation of a document, where it stands: <see cref="At"/> is its JSON pointer for messages.</summary>
    public sealed record DocumentOperation(string Path, JObject PathItem, string Method, JObject Operation)
    {
        public string At => $"#/paths/{Path}/{Method}";
    }
}
