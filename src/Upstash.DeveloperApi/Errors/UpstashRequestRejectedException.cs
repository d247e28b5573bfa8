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
        public UpstashRequestRejectedException(string operation, string message, int statusCode = 400, string? errorText = null)
            : this(operation, message, statusCode, errorText, null) { }

        internal UpstashRequestRejectedException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.RequestRejected, operation, message, statusCode, errorText, null, rawBody, null) { }
    }
}
