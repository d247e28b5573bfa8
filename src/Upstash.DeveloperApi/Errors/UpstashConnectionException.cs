using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// No answer, and repeating the call is safe: the request never left (connection refused, name not resolved;
    /// <see cref="RequestSent"/> is false), or it may have and the operation is one that can be repeated (a GET, PUT
    /// or DELETE that timed out or lost its connection).
    /// </summary>
    public sealed class UpstashConnectionException : UpstashApiException
    {
        /// <summary>Creates the failure of a call that could not reach the service (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="requestSent">Whether the request may have reached the service.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashConnectionException(string operation, string message, bool requestSent = false)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), requestSent, null) { }

        internal UpstashConnectionException(string operation, string message, bool requestSent, Exception? innerException)
            : base(UpstashErrorKind.ConnectionFailed, operation, message, null, null, null, null, innerException) => RequestSent = requestSent;

        /// <summary>Whether the request may have reached the service (false: it provably never left, so nothing was processed).</summary>
        public bool RequestSent { get; }
    }
}
