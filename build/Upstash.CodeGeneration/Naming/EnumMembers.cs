using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.CodeGeneration.Naming
{
    /// <summary>Writes the readable member names of every string enum (<see cref="EnumMemberNames"/>) as <c>x-enumNames</c>, which NSwag uses.</summary>
    public static class EnumMembers
    {
        public static void Apply(JToken document)
        {
            foreach (var schema in ((JContainer)document).DescendantsAndSelf().OfType<JObject>().ToList())
                if (schema["enum"] is JArray values && values.All(v => v.Type == JTokenType.String) && schema["x-enumNames"] == null)
                    schema["x-enumNames"] = new JArray(EnumMemberNames.For(values.Select(v => (string)v!).ToList()));
        }
    }
}
