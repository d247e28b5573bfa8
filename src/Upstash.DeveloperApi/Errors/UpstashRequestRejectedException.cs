using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>400, 405 or 406: the service rejected the request as it was sent.</summary>
    public sealed class UpstashRequestRejectedException : UpstashApiException
    {
        /// <summary>Creates the failure of a rejected request (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">400, 405 or 406.</param>
        /// <param name="errorText">The service's error text, if any.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashRequestRejectedException(string operation, string message, int statusCode = 400, string? errorText = null)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), FailureArguments.Status(statusCode, nameof(UpstashRequestRejectedException), 400, 405, 406), errorText, null) { }

        internal UpstashRequestRejectedException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.RequestRejected, operation, message, statusCode, errorText, null, rawBody, null) { }
    }
}
