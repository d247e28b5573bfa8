using System.Diagnostics;
using System.Text;

namespace Upstash.DeveloperApi
{
    // Hand-written: the token and the password never show in ToString or the debugger.
    /// <summary>
    /// The QStash account, with its credentials. The token reset returns it holding the new
    /// <see cref="Token"/> and <see cref="Password"/>, which <see cref="ToString"/> masks.
    /// </summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public partial class QStashUser
    {
        /// <summary>Describes the account with <see cref="Token"/> and <see cref="Password"/> masked; unknown fields are counted, not shown.</summary>
        public override string ToString()
        {
            var text = new StringBuilder("QStashUser { ");
            text.Append("Id = ").Append(Id).Append(", CustomerId = ").Append(CustomerId)
                .Append(", State = ").Append(State).Append(", Type = ").Append(Type)
                .Append(", Token = ").Append(Token == null ? "(none)" : Redaction.Mask)
                .Append(", Password = ").Append(Password == null ? "(none)" : Redaction.Mask);
            var unknown = AdditionalPropertiesCount;
            if (unknown > 0) text.Append(", UnknownFields = ").Append(unknown);
            if (ReadIssues.Count > 0) text.Append(", ReadIssues = ").Append(ReadIssues.Count);
            return text.Append(" }").ToString();
        }

        private int AdditionalPropertiesCount => AdditionalProperties.Count;
    }
}
