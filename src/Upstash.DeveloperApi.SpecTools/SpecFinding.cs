namespace Upstash.DeveloperApi.SpecTools
{
    /// <summary>One problem found in a document or a response: where (a JSON path or pointer), which rule, and what.</summary>
    /// <param name="Path">Where, as a JSON path (<c>$.paths['/x'].post</c>) or pointer.</param>
    /// <param name="Rule">The rule broken, a stable identifier (for example <c>example-additional-property</c>).</param>
    /// <param name="Message">What is wrong, for a person.</param>
    public sealed record SpecFinding(string Path, string Rule, string Message)
    {
        /// <inheritdoc/>
        public override string ToString() => $"{Path}: [{Rule}] {Message}";
    }
}
