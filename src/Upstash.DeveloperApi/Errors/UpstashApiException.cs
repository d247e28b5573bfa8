using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// A failed call of the Upstash Developer API. Catch this type for every API failure, or one of
    /// its subtypes for a kind of failure.
    /// </summary>
    /// <remarks>
    /// Secrets never reach <see cref="Exception.Message"/>, <see cref="Exception.ToString"/> or the debugger:
    /// the body of a response is not part of the message (only a sanitized <see cref="ErrorText"/>
    /// of an error response is), and the raw body is available from code alone, through
    /// <see cref="GetRawResponseBody"/>. Each subtype has a public constructor, so that a test of your own
    /// handling can raise the failure it needs (<c>new UpstashNotFoundException("getDatabase", "no such database")</c>).
    /// </remarks>
    public class UpstashApiException : Exception
    {
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly string? _rawBody;

        internal UpstashApiException(UpstashErrorKind kind, string operation, string message, int? statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody, Exception? innerException)
            : base(message, innerException)
        {
            Kind = kind;
            Operation = operation;
            StatusCode = statusCode;
            ErrorText = errorText;
            RetryAfter = retryAfter;
            _rawBody = rawBody;
        }

        /// <summary>What went wrong, for logs and traces (the subtype says the same to code).</summary>
        internal UpstashErrorKind Kind { get; }

        /// <summary>The operationId of the call, as the API document names it (for example <c>resetQStashToken</c>).</summary>
        public string Operation { get; }

        /// <summary>The HTTP status, or null when no response arrived.</summary>
        public int? StatusCode { get; }

        /// <summary>Upstash's error text from the response body, sanitized (credential-like strings masked), when the body had one.</summary>
        public string? ErrorText { get; }

        /// <summary>How long the service asked to wait (<c>Retry-After</c>), when it said.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// The raw response body as received (cut at the client's size limit), or null when there was none.
        /// It may hold secrets (a success body holds the new token): it is never part of the message,
        /// so log it only if you have checked that it is safe.
        /// </summary>
        public string? GetRawResponseBody() => _rawBody;
    }

    /// <summary>401: the email or the API key was not accepted. Check <c>UPSTASH_EMAIL</c> and <c>UPSTASH_API_KEY</c>.</summary>
    public sealed class UpstashAuthenticationException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 401 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId (<c>resetQStashToken</c>).</param>
        /// <param name="message">The message.</param>
        /// <param name="errorText">The service's error text, if any.</param>
        public UpstashAuthenticationException(string operation, string message, string? errorText = null)
            : this(operation, message, 401, errorText, null) { }

        internal UpstashAuthenticationException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.Authentication, operation, message, statusCode, errorText, null, rawBody, null) { }
    }

    /// <summary>403: the credentials are valid but may not perform the operation.</summary>
    public sealed class UpstashAuthorizationException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 403 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="errorText">The service's error text, if any.</param>
        public UpstashAuthorizationException(string operation, string message, string? errorText = null)
            : this(operation, message, 403, errorText, null) { }

        internal UpstashAuthorizationException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.Authorization, operation, message, statusCode, errorText, null, rawBody, null) { }
    }

    /// <summary>404: the resource does not exist (for the token reset: no QStash user for the account, or a wrong base address).</summary>
    public sealed class UpstashNotFoundException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 404 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="errorText">The service's error text, if any.</param>
        public UpstashNotFoundException(string operation, string message, string? errorText = null)
            : this(operation, message, 404, errorText, null) { }

        internal UpstashNotFoundException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.NotFound, operation, message, statusCode, errorText, null, rawBody, null) { }
    }

    /// <summary>429: too many requests. <see cref="UpstashApiException.RetryAfter"/> says how long to wait when the service said.</summary>
    public sealed class UpstashRateLimitException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered 429 (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="retryAfter">The <c>Retry-After</c> the service sent, if any.</param>
        public UpstashRateLimitException(string operation, string message, TimeSpan? retryAfter = null)
            : this(operation, message, 429, null, retryAfter, null) { }

        internal UpstashRateLimitException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.RateLimited, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }

    /// <summary>503 (or 500 on an operation that is safe to repeat): the service failed or is unavailable; the request was not processed.</summary>
    public sealed class UpstashServerException : UpstashApiException
    {
        /// <summary>Creates the failure of a call the service could not serve (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">503, or 500 for an operation that is safe to repeat.</param>
        /// <param name="retryAfter">The <c>Retry-After</c> the service sent, if any.</param>
        public UpstashServerException(string operation, string message, int statusCode = 503, TimeSpan? retryAfter = null)
            : this(operation, message, statusCode, null, retryAfter, null) { }

        internal UpstashServerException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.ServerError, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }

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

    /// <summary>A status the API document does not list for the operation.</summary>
    public sealed class UpstashUnexpectedStatusException : UpstashApiException
    {
        /// <summary>Creates the failure of a call answered with a status the document does not list (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">The status.</param>
        public UpstashUnexpectedStatusException(string operation, string message, int statusCode)
            : this(operation, message, statusCode, null, null, null) { }

        internal UpstashUnexpectedStatusException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.UnexpectedStatus, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }

    /// <summary>A response that could not be read: malformed or truncated JSON, not JSON at all, or larger than the client accepts.</summary>
    public sealed class UpstashUnreadableResponseException : UpstashApiException
    {
        /// <summary>Creates the failure of a call whose answer could not be read (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">The status of the answer, if one arrived.</param>
        public UpstashUnreadableResponseException(string operation, string message, int? statusCode = 200)
            : this(operation, message, statusCode, null, null) { }

        internal UpstashUnreadableResponseException(string operation, string message, int? statusCode, string? rawBody, Exception? innerException)
            : base(UpstashErrorKind.UnreadableResponse, operation, message, statusCode, null, null, rawBody, innerException) { }
    }

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

    /// <summary>
    /// The request may or may not have been processed: a timeout or a lost connection after it was
    /// sent, or a 500, on an operation that is not safe to repeat. For an operation that resets
    /// credentials (the token reset, say), they may already have been rotated: the old ones may no
    /// longer work and the new ones may be lost. Do not repeat the call blindly; check first.
    /// </summary>
    public sealed class UpstashOutcomeUnknownException : UpstashApiException
    {
        /// <summary>Creates the failure of a call whose outcome is unknown (for tests of your own handling).</summary>
        /// <param name="operation">The operationId.</param>
        /// <param name="message">The message.</param>
        /// <param name="reason">Why the outcome is unknown.</param>
        /// <param name="statusCode">500 for <see cref="UpstashOutcomeUnknownReason.ServerError"/>; null when no answer arrived.</param>
        public UpstashOutcomeUnknownException(string operation, string message, UpstashOutcomeUnknownReason reason, int? statusCode = null)
            : this(operation, message, reason, statusCode, null, null, null) { }

        internal UpstashOutcomeUnknownException(string operation, string message, UpstashOutcomeUnknownReason reason, int? statusCode, string? errorText, string? rawBody, Exception? innerException)
            : base(UpstashErrorKind.OutcomeUnknown, operation, message, statusCode, errorText, null, rawBody, innerException)
        {
            Reason = reason;
        }

        /// <summary>Why the outcome is unknown.</summary>
        public UpstashOutcomeUnknownReason Reason { get; }

    }

    /// <summary>Why the outcome of a call is unknown.</summary>
    public enum UpstashOutcomeUnknownReason
    {
        /// <summary>The client's timeout elapsed before the response arrived.</summary>
        Timeout,

        /// <summary>The connection failed after the request may have been sent.</summary>
        ConnectionLost,

        /// <summary>The service answered 500.</summary>
        ServerError,
    }
}
