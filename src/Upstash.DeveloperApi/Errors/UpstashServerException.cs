using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>503 (or 500 on an operation that is safe to repeat): the service failed or is unavailable; the request was not processed.</summary>
    public sealed class UpstashServerException : UpstashApiException
    {
        /// <summary>Creates the failure of a call the service could not serve (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">503, or 500 for an operation that is safe to repeat.</param>
        /// <param name="retryAfter">The <c>Retry-After</c> the service sent, if any.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashServerException(string operation, string message, int statusCode = 503, TimeSpan? retryAfter = null)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), FailureArguments.Status(statusCode, nameof(UpstashServerException), 500, 503), null, FailureArguments.Wait(retryAfter), null) { }

        internal UpstashServerException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.ServerError, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }
}
