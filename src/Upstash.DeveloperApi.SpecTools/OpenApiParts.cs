using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NSwag;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>The pieces of an OpenAPI document that the linter, the drift check, the CLI demo and the tests all read.</summary>
    public static class OpenApiParts
    {
        /// <summary>The named examples of a media type, then its single <c>example</c>, as JSON.</summary>
        public static IEnumerable<KeyValuePair<string, JToken>> ExamplesOf(OpenApiMediaType media)
        {
            if (media.Examples != null)
                foreach (var example in media.Examples)
                    if (example.Value.Value != null)
                        yield return new KeyValuePair<string, JToken>(example.Key, JToken.FromObject(example.Value.Value));
            if (media.Example != null)
                yield return new KeyValuePair<string, JToken>("example", JToken.FromObject(media.Example));
        }

        /// <summary>The server URL that applies to an operation: its own, else its path's, else the document's.</summary>
        public static string ServerUrl(OpenApiDocument document, OpenApiPathItem path, OpenApiOperation operation) =>
            (operation.Servers?.FirstOrDefault() ?? path.Servers?.FirstOrDefault() ?? document.Servers.First()).Url;

        /// <summary>The leaf errors of a validation error (NJsonSchema nests the errors of sub-schemas).</summary>
        public static IEnumerable<ValidationError> Leaves(ValidationError error) =>
            error is ChildSchemaValidationError child
                ? child.Errors.SelectMany(e => e.Value).SelectMany(Leaves).DefaultIfEmpty(error)
                : new[] { error };
    }
}
