using System;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>401: the email or the API key was not accepted.</summary>
    /// <remarks>Check <c>UPSTASH_EMAIL</c> and <c>UPSTASH_API_KEY</c>.</remarks>
    public sealed class UpstashAuthenticationException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 401 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId (<c>resetQStashToken</c>).</param>
        /// <param name="message">The message.</param>
        /// <param name="errorText">The service's error text, if any.</param>
        /// <exception cref="ArgumentException">The operation or the message is null or empty, or a value is one the client never gives this type.</exception>
        public UpstashAuthenticationException(string operation, string message, string? errorText = null)
            : this(FailureArguments.Text(operation, nameof(operation)), FailureArguments.Text(message, nameof(message)), 401, errorText, null) { }

        internal UpstashAuthenticationException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.Authentication, operation, message, statusCode, errorText, null, rawBody, null) { }
    }
}
