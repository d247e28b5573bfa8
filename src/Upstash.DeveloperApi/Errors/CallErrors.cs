using System;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi.Errors
{
    /// <summary>The exceptions of calls that got no usable answer: not sent, timed out, connection lost, unreadable success.</summary>
    internal static class CallErrors
    {
        /// <summary>The request never left: <paramref name="description"/> says why (the name did not resolve, say), <paramref name="advice"/> what to do.</summary>
        public static UpstashConnectionException NotSent(ApiOperation operation, string description, string advice, Exception? safeInner, int attempts) =>
            new(operation.Id,
                $"{operation.Id}: {description}, so the request was not sent (not processed)" +
                (attempts > 1 ? $" (tried {attempts} times)" : string.Empty) +
                $". It is safe to retry. {advice}",
                requestSent: false, safeInner);

        public static UpstashApiException TimedOut(ApiOperation operation, Exception cause) =>
            AfterSending(operation, UpstashOutcomeUnknownReason.Timeout, cause,
                "the Upstash API did not answer in time", "the Upstash API did not answer in time, after the request may have reached it");

        public static UpstashApiException ConnectionLost(ApiOperation operation, Exception cause) =>
            AfterSending(operation, UpstashOutcomeUnknownReason.ConnectionLost, cause,
                "the connection to the Upstash API failed", "the connection to the Upstash API failed after the request may have been sent");

        public static UpstashUnreadableResponseException UnreadableSuccess(ApiOperation operation, int status, string reason, string? rawBody, Exception? cause) =>
            new(operation.Id,
                $"{operation.Id}: the Upstash API answered {status} (success), but the response could not be read: {reason}. " +
                OperationAdvice.AfterUnreadableSuccess(operation) +
                (rawBody != null ? " (The raw body is available from GetRawResponseBody(), never from this message.)" : string.Empty),
                status, rawBody, Redaction.SafeInner(cause));

        // A failure after the request may have been sent: harmless to repeat for an idempotent
        // operation, an unknown outcome for the others.
        private static UpstashApiException AfterSending(ApiOperation operation, UpstashOutcomeUnknownReason reason, Exception cause, string failed, string failedAfterSending) =>
            operation.IsIdempotent
                ? new UpstashConnectionException(operation.Id, $"{operation.Id}: {failed}. The call is safe to repeat.", requestSent: true, Redaction.SafeInner(cause))
                : new UpstashOutcomeUnknownException(operation.Id, $"{operation.Id}: {failedAfterSending}. {OperationAdvice.OutcomeUnknown(operation)}",
                    reason, null, null, null, Redaction.SafeInner(cause));
    }
}
