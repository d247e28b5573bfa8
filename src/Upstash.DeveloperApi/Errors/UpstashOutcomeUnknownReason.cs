namespace Upstash.DeveloperApi
{
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
