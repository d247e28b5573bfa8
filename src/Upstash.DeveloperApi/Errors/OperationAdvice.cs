using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Errors
{
    /// <summary>
    /// What a message tells the caller to do, by rule from the operation: a call that may be repeated says so; one that
    /// replaces credentials says they may already be replaced and where to look; any other change says it may or may not
    /// have happened.
    /// </summary>
    /// <remarks>No message speaks of QStash or of a token unless the operation does.</remarks>
    internal static class OperationAdvice
    {
        /// <summary>After a timeout, a lost connection or a 500, when the request may have been processed.</summary>
        public static string OutcomeUnknown(ApiOperation operation) =>
            operation.CredentialSubject is string subject
                ? $"The outcome is unknown: {subject} may already have been rotated. Do not repeat the call blindly: check {subject} in the Upstash console first."
                : $"The outcome is unknown: '{operation.Summary}' may or may not have taken effect. Check before repeating the call, which could do it twice.";

        /// <summary>After a success whose body could not be read.</summary>
        public static string AfterUnreadableSuccess(ApiOperation operation)
        {
            if (operation.CredentialSubject is string subject)
                return $"{Capitalized(subject)} {(subject.EndsWith("s") ? "HAVE" : "HAS")} been rotated and the new value is not in this response: get it from the Upstash console.";
            if (operation.Method == System.Net.Http.HttpMethod.Get) return "The call changed nothing and is safe to repeat.";
            return operation.IsIdempotent
                ? $"'{operation.Summary}' was done; only its answer could not be read. Repeating it is harmless: it has the same effect."
                : $"'{operation.Summary}' was done; only its result could not be read.";
        }

        /// <summary>After a 404.</summary>
        public static string NotFound(ApiOperation operation) =>
            operation.PathTemplate.Contains("{")
                ? "Check the identifiers in the call, and the base address if you set one."
                : "Check the base address if you set one.";

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
