using System;

namespace Upstash.DeveloperApi.Secrets
{
    /// <summary>Stands in for an exception whose message may quote secrets: keeps its type name and a safe detail.</summary>
    internal sealed class RedactedException : Exception
    {
        internal RedactedException(Type original, string? detail)
            : base(original.FullName + " (message withheld: it may quote response data)" + (detail == null ? string.Empty : " " + detail))
        {
            OriginalType = original.FullName ?? original.Name;
        }

        /// <summary>The full name of the exception type that was replaced.</summary>
        public string OriginalType { get; }
    }
}
