using Newtonsoft.Json;

namespace Upstash.DeveloperApi
{
    // Hand-written, for this model only: the document says reserved_type "will be an empty string" when no credit card is
    // added and the account is not pay-as-you-go. The extensible enum keeps "" as it is; this names it.
    public partial class QStashUser
    {
        /// <summary>
        /// Whether the account has a reserved plan: false when <see cref="ReservedType"/> is missing or the
        /// empty string (no credit card and not pay-as-you-go, as the API document describes).
        /// </summary>
        [JsonIgnore]
        public bool HasReservedPlan => !string.IsNullOrEmpty(ReservedType?.ToString()); // whatever type a revision of the document gives the field
    }
}
