using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>A string of format <c>uuid</c> is generated as <c>string</c>, not <c>Guid</c>.</summary>
    /// <remarks>
    /// Such fields are ids, and ids go back into the paths of by-id operations, whose parameters the document types as
    /// plain strings (<c>QStashUser.id</c> into <c>resetQStashToken(id)</c>); every Upstash client treats them as opaque
    /// strings. An id the service sends in another form is kept, where a <c>Guid</c> would be left null. The document
    /// keeps its format: the linter and drift-check still hold the service to it.
    /// </remarks>
    public static class UuidAsString
    {
        public static void Apply(JToken document)
        {
            foreach (var schema in ((JContainer)document).DescendantsAndSelf().OfType<JObject>().ToList())
                if (schema["type"] is JValue type && (string?)type == "string" && schema["format"] is JValue format && (string?)format == "uuid")
                    schema.Remove("format");
        }
    }
}
