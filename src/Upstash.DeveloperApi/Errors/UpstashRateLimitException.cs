using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>429: too many requests.</summary>
    /// <remarks><see cref="UpstashApiException.RetryAfter"/> says how long to wait when the service said.</remarks>
    public sealed class UpstashRateLimitException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 429 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="retryAfter">The <c>Retry-After</c> the service sent, if any.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashRateLimitException(string operation, string message, TimeSpan? retryAfter = null)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), 429, null, FailureArguments.Wait(retryAfter), null) { }

        internal UpstashRateLimitException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.RateLimited, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }
}
