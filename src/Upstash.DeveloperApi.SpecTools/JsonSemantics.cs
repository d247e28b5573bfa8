using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>Equality of JSON values as JSON means it: <c>180</c> and <c>180.0</c> are the same number.</summary>
    public static class JsonSemantics
    {
        /// <summary>Whether two JSON values are equal.</summary>
        /// <remarks>Numbers compare by their exact decimal value, whatever their notation.</remarks>
        public static bool Equal(JToken? a, JToken? b)
        {
            if (a == null || b == null) return a == null && b == null;
            if (IsNumber(a) && IsNumber(b)) return NumbersEqual((JValue)a, (JValue)b);
            if (a.Type != b.Type) return false;
            switch (a)
            {
                case JObject oa:
                    var ob = (JObject)b;
                    return oa.Count == ob.Count && oa.Properties().All(p => ob.TryGetValue(p.Name, out var v) && Equal(p.Value, v));
                case JArray aa:
                    var ab = (JArray)b;
                    return aa.Count == ab.Count && aa.Zip(ab, Equal).All(x => x);
                default:
                    return JToken.DeepEquals(a, b);
            }
        }

        private static bool IsNumber(JToken t) => t.Type == JTokenType.Integer || t.Type == JTokenType.Float;

        private static bool NumbersEqual(JValue a, JValue b)
        {
            if (a.Type == JTokenType.Integer && b.Type == JTokenType.Integer) return JToken.DeepEquals(a, b);
            // JSON numbers have no int/float distinction: 180 equals 180.0, and 180.123456789 does not equal 180.12346.
            var x = a.ToString(Newtonsoft.Json.Formatting.None);
            var y = b.ToString(Newtonsoft.Json.Formatting.None);
            var style = System.Globalization.NumberStyles.Float;
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            if (decimal.TryParse(x, style, culture, out var dx) && decimal.TryParse(y, style, culture, out var dy)) return dx == dy;
            return Convert.ToDouble(a.Value, culture) == Convert.ToDouble(b.Value, culture);
        }
    }
}
