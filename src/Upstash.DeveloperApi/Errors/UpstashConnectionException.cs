using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>The service could not be reached (connection refused, name not resolved): the request was not processed, so it is safe to repeat.</summary>
    public sealed class UpstashConnectionException : UpstashApiException
    {
        /// <summary>Creates the failure of a call that could not reach the service (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        public UpstashConnectionException(string operation, string message)
            : this(operation, message, null) { }

        internal UpstashConnectionException(string operation, string message, Exception? innerException)
            : base(UpstashErrorKind.ConnectionFailed, operation, message, null, null, null, null, innerException) { }
    }
}
