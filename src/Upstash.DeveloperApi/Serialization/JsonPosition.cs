namespace Upstash.DeveloperApi.Serialization
{
    /// <summary>Where in a body a JSON reader stopped, as messages give it: only a real position (Json.NET reports line 0 for an empty body or one it never started reading).</summary>
    internal static class JsonPosition
    {
        /// <summary><c>" at line 3, position 7"</c>, or nothing when the position is not known.</summary>
        public static string At(int line, int position) => line > 0 ? $" at line {line}, position {position}" : string.Empty;
    }
}
