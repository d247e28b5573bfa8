namespace Upstash.DeveloperApi.Errors
{
    /// <summary>What went wrong in a call, as logs and traces name it (<c>upstash.error</c>): one per exception type.</summary>
    internal enum UpstashErrorKind
    {
        /// <summary>401: the email or the API key was not accepted.</summary>
        Authentication,

        /// <summary>403: the credentials are valid but may not do this.</summary>
        Authorization,

        /// <summary>404: the resource does not exist.</summary>
        NotFound,

        /// <summary>429: too many requests; see <see cref="UpstashApiException.RetryAfter"/>.</summary>
        RateLimited,

        /// <summary>503 (or 500 on an operation that is safe to repeat): the service failed or is unavailable.</summary>
        ServerError,

        /// <summary>400, 405, 406: the service rejected the request as sent.</summary>
        RequestRejected,

        /// <summary>A status the API document does not list for the operation.</summary>
        UnexpectedStatus,

        /// <summary>A response that could not be read (malformed, truncated, too large, not JSON).</summary>
        UnreadableResponse,

        /// <summary>The service could not be reached; the request was not processed.</summary>
        ConnectionFailed,

        /// <summary>The request may or may not have been processed: a timeout or a lost connection after sending, or a 500, on an operation that is not safe to repeat.</summary>
        OutcomeUnknown,
    }
}
