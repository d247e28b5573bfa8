using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>Equality of JSON values as JSON means it: <c>180</c> and <c>180.0</c> are the same number.</summary>
    public static class JsonSemantics
    {
        /// <summary>
        /// Whether two JSON values are equal. Numbers compare by value; non-integers within single
        /// precision (the document's <c>format: float</c>), since that is all such a field can hold.
        /// </summary>
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
            var x = Convert.ToDouble(a.Value, System.Globalization.CultureInfo.InvariantCulture);
            var y = Convert.ToDouble(b.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (x == y) return true;
            return Math.Abs(x - y) <= 1e-6 * Math.Max(Math.Abs(x), Math.Abs(y));
        }
    }
}
