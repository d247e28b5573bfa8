using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Shapes
{
    /// <summary>
    /// An <c>integer</c> without a format holds whatever the service sends, up to 64 bits: it is generated
    /// as <c>long</c>, not <c>int</c>. "Unlimited" limits are large, and the service's later documents
    /// mark many such fields int64; a value never becomes null or overflows for being wide.
    /// </summary>
    public static class IntegerWidth
    {
        public static void Apply(JToken document)
        {
            foreach (var schema in ((JContainer)document).DescendantsAndSelf().OfType<JObject>())
                if (schema["type"] is JValue type && (string?)type == "integer" && schema["format"] == null)
                    schema["format"] = "int64";
        }
    }
}
