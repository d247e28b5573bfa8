using System.Collections.Generic;
using Newtonsoft.Json;
using Upstash.DeveloperApi.Serialization;

namespace Upstash.DeveloperApi
{
    // Hand-written: the tolerant reader's notes. When a field cannot be read as the document says, it
    // is left null and a note (which never quotes the value) lands here; the token is still returned.
    public partial class QStashUser : IReadIssueSink, ICarriesCredentials
    {
        private List<string>? _readIssues;

        /// <summary>What could not be read from the response as the API document describes it (empty when all was read). Never quotes a value.</summary>
        [JsonIgnore]
        public IReadOnlyList<string> ReadIssues => (IReadOnlyList<string>?)_readIssues ?? System.Array.Empty<string>();

        bool ICarriesCredentials.HasCredentials => !string.IsNullOrEmpty(Token);

        void IReadIssueSink.AddReadIssue(string issue) => (_readIssues ??= new List<string>()).Add(issue);
    }
}
