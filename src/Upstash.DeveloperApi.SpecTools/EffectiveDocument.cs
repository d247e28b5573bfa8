using System.IO;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using Upstash.DeveloperApi.SpecTools.Overlay;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>
    /// The document the client is built from: the vendored upstream document with the project's overlay of corrections
    /// applied.
    /// </summary>
    /// <remarks>Code generation, the linter, the contract suite and the CLI all read this one.</remarks>
    public static class EffectiveDocument
    {
        /// <summary>The vendored document with <paramref name="overlayPath"/> applied (none when null), as JSON.</summary>
        /// <exception cref="OpenApiLoadException">The document is not YAML.</exception>
        /// <exception cref="OverlayException">The overlay cannot be read or one of its actions no longer applies.</exception>
        public static JObject LoadJson(string specPath, string? overlayPath)
        {
            var document = OpenApiYaml.ReadJson(specPath) as JObject ?? throw new OpenApiLoadException($"{specPath}: the document is not a mapping.");
            return overlayPath == null ? document : OverlayDocument.Load(overlayPath).ApplyTo(document);
        }

        /// <summary>The same, from text (an embedded resource, say).</summary>
        public static JObject LoadJson(TextReader spec, string specName, TextReader? overlay, string overlayName)
        {
            var document = OpenApiYaml.ReadJson(spec, specName) as JObject ?? throw new OpenApiLoadException($"{specName}: the document is not a mapping.");
            return overlay == null ? document : OverlayDocument.Parse(OpenApiYaml.ReadJson(overlay, overlayName), overlayName).ApplyTo(document);
        }

        /// <summary>The effective document as NSwag's object model (examples keep their JSON types).</summary>
        public static Task<OpenApiDocument> ToOpenApiAsync(JObject effective, string sourceName) => OpenApiYaml.FromJsonAsync(effective, sourceName);

        /// <summary>Loads and converts in one step.</summary>
        public static OpenApiDocument Load(string specPath, string? overlayPath) =>
            ToOpenApiAsync(LoadJson(specPath, overlayPath), Path.GetFullPath(specPath)).GetAwaiter().GetResult();

        /// <summary>The overlay that sits beside a vendored document by convention (<c>openapi/corrections.overlay.yml</c> beside <c>openapi/openapi.yml</c>), or null.</summary>
        public static string? OverlayBeside(string specPath)
        {
            var candidate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? ".", "corrections.overlay.yml");
            return File.Exists(candidate) ? candidate : null;
        }

        /// <summary>The JSON text of a document, as written for tools that read JSON.</summary>
        public static string ToJsonText(JObject document) => document.ToString(Formatting.Indented);
    }
}
