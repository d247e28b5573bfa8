using System;
using System.Diagnostics;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi
{
    /// <summary>A failed call of the Upstash Developer API.</summary>
    /// <remarks>
    /// Catch this type for every API failure, or one of its subtypes for a kind of failure.
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

        /// <summary>The raw response body as received (cut at the client's size limit), or null when there was none.</summary>
        /// <remarks>
        /// It may hold secrets (a success body holds the new token): it is never part of the message, so log it only if
        /// you have checked that it is safe.
        /// </remarks>
        public string? GetRawResponseBody() => _rawBody;
    }
}
