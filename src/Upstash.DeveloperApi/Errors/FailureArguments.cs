using System;
using System.Linq;

namespace Upstash.DeveloperApi.Errors
{
    /// <summary>The checks of the public constructors of the exception types: a test double stands for a failure the client could raise, and no other.</summary>
    internal static class FailureArguments
    {
        public static string Text(string value, string name) =>
            value == null ? throw new ArgumentNullException(name) : value.Length == 0 ? throw new ArgumentException($"{name} is empty.", name) : value;

        public static int Status(int status, string type, params int[] allowed) =>
            allowed.Contains(status) ? status : throw new ArgumentOutOfRangeException(nameof(status), status, $"{type} stands for status {string.Join(" or ", allowed)}.");

        public static int UnexpectedStatus(int status) =>
            status >= 100 && status <= 599 && (status < 200 || status > 299) ? status
                : throw new ArgumentOutOfRangeException(nameof(status), status, "An unexpected status is an HTTP status from 100 to 599 that is not a success.");

        public static int? SuccessOrNone(int? status) =>
            status == null || (status >= 200 && status <= 299) ? status
                : throw new ArgumentOutOfRangeException(nameof(status), status, "An unreadable response is a success (200 to 299), or none arrived (null).");

        public static TimeSpan? Wait(TimeSpan? wait) =>
            wait == null || wait >= TimeSpan.Zero ? wait : throw new ArgumentOutOfRangeException("retryAfter", wait, "Retry-After is never negative.");

        public static UpstashOutcomeUnknownReason Reason(UpstashOutcomeUnknownReason reason, int? status)
        {
            if (!Enum.IsDefined(typeof(UpstashOutcomeUnknownReason), reason)) throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reason the client gives.");
            if (reason == UpstashOutcomeUnknownReason.ServerError ? status != 500 : status != null)
                throw new ArgumentOutOfRangeException(nameof(status), status, "The status is 500 for a ServerError and null (no answer) for a timeout or a lost connection.");
            return reason;
        }
    }
}
