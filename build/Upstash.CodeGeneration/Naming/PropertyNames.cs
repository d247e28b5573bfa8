using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Naming
{
    /// <summary>Names every property of every model in PascalCase by the one C# rule (<see cref="Identifiers.Pascal"/>), for Class.liquid to read.</summary>
    /// <remarks>
    /// Each schema with properties gets, per property, <c>x-upstash-property-name-&lt;field&gt;</c> with its C# name
    /// (<c>x-upstash-property-name-read_only_token: ReadOnlyToken</c>), one flat key each because the templates can look
    /// up a schema's extension by a computed key but not index into a nested one; the template writes the name it finds
    /// there, so that no naming rule lives in Liquid.
    /// </remarks>
    public static class PropertyNames
    {
        public const string ExtensionPrefix = "x-upstash-property-name-";

        public static void Apply(JObject document)
        {
            if (document["components"]?["schemas"] is not JObject schemas) return;
            foreach (var schema in schemas.Properties())
            {
                if (schema.Value is not JObject body || body["properties"] is not JObject properties) continue;
                foreach (var property in properties.Properties()) body[ExtensionPrefix + property.Name] = Identifiers.Pascal(property.Name);
            }
        }
    }
}
