using System;
using System.IO;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>The API document the CLI was built with: openapi/openapi.yml with openapi/corrections.overlay.yml applied (both embedded).</summary>
    public static class EmbeddedDocument
    {
        /// <summary>Loads it with typed examples.</summary>
        public static NSwag.OpenApiDocument Load() => LoadFrom(null);

        /// <summary>Loads the file at <paramref name="path"/> (with the overlay beside it, if any), or the embedded document when it is null.</summary>
        public static NSwag.OpenApiDocument LoadFrom(string? path)
        {
            if (path != null) return EffectiveDocument.Load(path, EffectiveDocument.OverlayBeside(path));
            var assembly = typeof(EmbeddedDocument).Assembly;
            using var stream = assembly.GetManifestResourceStream("openapi.yml")
                ?? throw new InvalidOperationException("The API document is not embedded in this build.");
            using var reader = new StreamReader(stream);
            using var overlayStream = assembly.GetManifestResourceStream("corrections.overlay.yml");
            using var overlay = overlayStream == null ? null : new StreamReader(overlayStream);
            var json = EffectiveDocument.LoadJson(reader, "openapi.yml (embedded)", overlay, "corrections.overlay.yml (embedded)");
            return EffectiveDocument.ToOpenApiAsync(json, "openapi.yml (embedded)").GetAwaiter().GetResult();
        }
    }
}
