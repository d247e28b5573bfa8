using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The request may or may not have been processed: a timeout or a lost connection after it was sent, or a 500, on an
    /// operation that is not safe to repeat.
    /// </summary>
    /// <remarks>
    /// For an operation that resets credentials (the token reset, say), they may already have been rotated: the old ones
    /// may no longer work and the new ones may be lost. Do not repeat the call blindly; check first.
    /// </remarks>
    public sealed class UpstashOutcomeUnknownException : UpstashApiException
    {
        /// <summary>Creates the failure of a call whose outcome is unknown (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="reason">Why the outcome is unknown.</param>
        /// <param name="statusCode">500 for <see cref="UpstashOutcomeUnknownReason.ServerError"/>; null when no answer arrived.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashOutcomeUnknownException(string operation, string message, UpstashOutcomeUnknownReason reason, int? statusCode = null)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), FailureArguments.Reason(reason, statusCode), statusCode, null, null, null) { }

        internal UpstashOutcomeUnknownException(string operation, string message, UpstashOutcomeUnknownReason reason, int? statusCode, string? errorText, string? rawBody, Exception? innerException)
            : base(UpstashErrorKind.OutcomeUnknown, operation, message, statusCode, errorText, null, rawBody, innerException)
        {
            Reason = reason;
        }

        /// <summary>Why the outcome is unknown.</summary>
        public UpstashOutcomeUnknownReason Reason { get; }

    }
}
