using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>404: the resource does not exist (for the token reset: no QStash user for the account, or a wrong base address).</summary>
    public sealed class UpstashNotFoundException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 404 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="errorText">The service's error text, if any.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashNotFoundException(string operation, string message, string? errorText = null)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), 404, errorText, null) { }

        internal UpstashNotFoundException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.NotFound, operation, message, statusCode, errorText, null, rawBody, null) { }
    }
}
