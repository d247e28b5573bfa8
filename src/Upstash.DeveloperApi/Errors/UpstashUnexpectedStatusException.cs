using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>A status the API document does not list for the operation.</summary>
    public sealed class UpstashUnexpectedStatusException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered with a status the document does not list (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">The status.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashUnexpectedStatusException(string operation, string message, int statusCode)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), FailureArguments.UnexpectedStatus(statusCode), null, null, null) { }

        internal UpstashUnexpectedStatusException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.UnexpectedStatus, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }
}
