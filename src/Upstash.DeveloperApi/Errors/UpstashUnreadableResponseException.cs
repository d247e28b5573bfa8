using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>A response that could not be read: malformed or truncated JSON, not JSON at all, or larger than the client accepts.</summary>
    public sealed class UpstashUnreadableResponseException : UpstashApiException
    {
        /// <summary>Creates the failure of a call whose answer could not be read (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">The status of the answer, if one arrived.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashUnreadableResponseException(string operation, string message, int? statusCode = 200)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), FailureArguments.SuccessOrNone(statusCode), null, null) { }

        internal UpstashUnreadableResponseException(string operation, string message, int? statusCode, string? rawBody, Exception? innerException)
            : base(UpstashErrorKind.UnreadableResponse, operation, message, statusCode, null, null, rawBody, innerException) { }
    }
}
