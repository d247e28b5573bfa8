using System.Collections.Generic;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// A result of the tolerant reader: every model, and every list an operation returns, says what could not be read as
    /// the API document describes it.
    /// </summary>
    /// <remarks>
    /// A field that could not be read is left null; an item of a list that could not be read at all is left out; either
    /// way the rest is kept, and a note lands here. Notes never quote a value.
    /// </remarks>
    public interface IReadIssues
    {
        /// <summary>What could not be read (empty when everything was).</summary>
        IReadOnlyList<string> ReadIssues { get; }
    }
}
