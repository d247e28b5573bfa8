using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// A failed call of the Upstash Developer API. Catch this type for every API failure, or one of
    /// its subtypes for a kind (<see cref="Kind"/> says the same).
    /// </summary>
    /// <remarks>
    /// Secrets never reach <see cref="Exception.Message"/>, <see cref="Exception.ToString"/> or the debugger:
    /// the body of a response is not part of the message (only a sanitized <see cref="ErrorText"/>
    /// of an error response is), and the raw body is available from code alone, through
    /// <see cref="GetRawResponseBody"/>.
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

        /// <summary>What went wrong.</summary>
        public UpstashErrorKind Kind { get; }

        /// <summary>The operationId of the call, as the API document names it (for example <c>resetQStashToken</c>).</summary>
        public string Operation { get; }

        /// <summary>The HTTP status, or null when no response arrived.</summary>
        public int? StatusCode { get; }

        /// <summary>The status as <see cref="HttpStatusCode"/>, or null when no response arrived.</summary>
        public HttpStatusCode? HttpStatus => StatusCode.HasValue ? (HttpStatusCode?)StatusCode.Value : null;

        /// <summary>Upstash's error text from the response body, sanitized (credential-like strings masked), when the body had one.</summary>
        public string? ErrorText { get; }

        /// <summary>How long the service asked to wait (<c>Retry-After</c>), when it said.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// Whether the request may have been processed although this exception was raised. For the
        /// token reset this means the token may already have been rotated: do not repeat the call
        /// blindly; check the current token in the Upstash console first.
        /// </summary>
        public bool IsOutcomeUnknown => Kind == UpstashErrorKind.OutcomeUnknown;

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
        internal UpstashAuthenticationException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.Authentication, operation, message, statusCode, errorText, null, rawBody, null) { }
    }

    /// <summary>403: the credentials are valid but may not perform the operation.</summary>
    public sealed class UpstashAuthorizationException : UpstashApiException
    {
        internal UpstashAuthorizationException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.Authorization, operation, message, statusCode, errorText, null, rawBody, null) { }
    }

    /// <summary>404: the resource does not exist (for the token reset: no QStash user for the account, or a wrong base address).</summary>
    public sealed class UpstashNotFoundException : UpstashApiException
    {
        internal UpstashNotFoundException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.NotFound, operation, message, statusCode, errorText, null, rawBody, null) { }
    }

    /// <summary>429: too many requests. <see cref="UpstashApiException.RetryAfter"/> says how long to wait when the service said.</summary>
    public sealed class UpstashRateLimitException : UpstashApiException
    {
        internal UpstashRateLimitException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.RateLimited, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }

    /// <summary>503 (or 500 on an operation that is safe to repeat): the service failed or is unavailable; the request was not processed.</summary>
    public sealed class UpstashServerException : UpstashApiException
    {
        internal UpstashServerException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.ServerError, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }

    /// <summary>400, 405 or 406: the service rejected the request as it was sent.</summary>
    public sealed class UpstashRequestRejectedException : UpstashApiException
    {
        internal UpstashRequestRejectedException(string operation, string message, int statusCode, string? errorText, string? rawBody)
            : base(UpstashErrorKind.RequestRejected, operation, message, statusCode, errorText, null, rawBody, null) { }
    }

    /// <summary>A status the API document does not list for the operation.</summary>
    public sealed class UpstashUnexpectedStatusException : UpstashApiException
    {
        internal UpstashUnexpectedStatusException(string operation, string message, int statusCode, string? errorText, TimeSpan? retryAfter, string? rawBody)
            : base(UpstashErrorKind.UnexpectedStatus, operation, message, statusCode, errorText, retryAfter, rawBody, null) { }
    }

    /// <summary>A response that could not be read: malformed or truncated JSON, not JSON at all, or larger than the client accepts.</summary>
    public sealed class UpstashUnreadableResponseException : UpstashApiException
    {
        internal UpstashUnreadableResponseException(string operation, string message, int? statusCode, string? rawBody, Exception? innerException)
            : base(UpstashErrorKind.UnreadableResponse, operation, message, statusCode, null, null, rawBody, innerException) { }
    }

    /// <summary>The service could not be reached (connection refused, name not resolved): the request was not processed, so it is safe to repeat.</summary>
    public sealed class UpstashConnectionException : UpstashApiException
    {
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
        internal UpstashOutcomeUnknownException(string operation, string message, UpstashOutcomeUnknownReason reason, int? statusCode, string? errorText, string? rawBody, Exception? innerException)
            : base(UpstashErrorKind.OutcomeUnknown, operation, message, statusCode, errorText, null, rawBody, innerException)
        {
            Reason = reason;
        }

        /// <summary>Why the outcome is unknown.</summary>
        public UpstashOutcomeUnknownReason Reason { get; }

        /// <summary>Whether the client's timeout ended the call (as opposed to the caller's cancellation, which raises <see cref="OperationCanceledException"/>).</summary>
        public bool IsTimeout => Reason == UpstashOutcomeUnknownReason.Timeout;
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
