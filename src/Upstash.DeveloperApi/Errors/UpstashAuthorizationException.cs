using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>403: the credentials are valid but may not perform the operation.</summary>
    public sealed class UpstashAuthorizationException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 403 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="errorText">The service's error text, if any.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashAuthorizationException(string operation, string message, string? errorText = null)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), 403, errorText, null) { }

        internal UpstashAuthorizationException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.Authorization, operation, message, statusCode, errorText, null, rawBody, null) { }
    }
}
