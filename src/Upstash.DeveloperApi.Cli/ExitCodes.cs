namespace Upstash.DeveloperApi.Cli
{
    /// <summary>The documented exit codes of upstash-qstash (README, "The CLI"; <c>--help</c>).</summary>
    public static class ExitCodes
    {
        /// <summary>Done (drift-check: no drift).</summary>
        public const int Ok = 0;

        /// <summary>drift-check, verify-contract: drift (or, for verify-contract, an unexpected status) found.</summary>
        public const int DriftFound = 1;

        /// <summary>Bad command line or unreadable input.</summary>
        public const int Usage = 2;

        /// <summary>Rotation not confirmed (no --yes and no "yes" typed).</summary>
        public const int NotConfirmed = 3;

        /// <summary>Missing or malformed credentials or settings.</summary>
        public const int Configuration = 4;

        /// <summary>401: the email or API key was not accepted.</summary>
        public const int Authentication = 10;

        /// <summary>403: the key may not rotate the token.</summary>
        public const int Authorization = 11;

        /// <summary>404.</summary>
        public const int NotFound = 12;

        /// <summary>429: rate limited.</summary>
        public const int RateLimited = 13;

        /// <summary>503 (service unavailable): not processed.</summary>
        public const int ServerError = 14;

        /// <summary>400, 405, 406: the request was rejected.</summary>
        public const int RequestRejected = 15;

        /// <summary>A status the document does not list.</summary>
        public const int UnexpectedStatus = 16;

        /// <summary>2xx with an unreadable body: the token HAS been rotated; get it from the console.</summary>
        public const int UnreadableResponse = 17;

        /// <summary>Not sent (name not resolved, connection refused, TLS handshake failed): safe to retry.</summary>
        public const int ConnectionFailed = 18;

        /// <summary>Timeout, lost connection or 500: the token MAY have been rotated; check before retrying.</summary>
        public const int OutcomeUnknown = 19;

        /// <summary>The result could not be written to standard output (full disk, closed descriptor) or would not be safe to write; for rotate-token the token HAS been rotated.</summary>
        public const int ResultNotWritten = 20;

        /// <summary>Interrupted (Ctrl+C, SIGTERM). For rotate-token after the request was sent, the outcome is unknown.</summary>
        public const int Interrupted = 130;

        /// <summary>The exit code for a typed API failure.</summary>
        public static int For(UpstashErrorKind kind) => kind switch
        {
            UpstashErrorKind.Authentication => Authentication,
            UpstashErrorKind.Authorization => Authorization,
            UpstashErrorKind.NotFound => NotFound,
            UpstashErrorKind.RateLimited => RateLimited,
            UpstashErrorKind.ServerError => ServerError,
            UpstashErrorKind.RequestRejected => RequestRejected,
            UpstashErrorKind.UnexpectedStatus => UnexpectedStatus,
            UpstashErrorKind.UnreadableResponse => UnreadableResponse,
            UpstashErrorKind.ConnectionFailed => ConnectionFailed,
            _ => OutcomeUnknown,
        };

        /// <summary>The table printed by --help.</summary>
        public const string Table =
            "Exit codes: 0 done (drift-check, verify-contract: conforms) | 1 drift or an unexpected status found | 2 bad usage or input | 3 not confirmed | 4 missing/bad credentials or settings | " +
            "10 unauthorized (401) | 11 forbidden (403) | 12 not found (404) | 13 rate limited (429) | 14 service unavailable (503) | " +
            "15 request rejected (400/405/406) | 16 unexpected status | 17 unreadable success: token rotated, get it from the console | " +
            "18 not sent (no DNS, refused, TLS failed): safe to retry | 19 outcome unknown (timeout, lost connection, 500): token may be rotated, check first | " +
            "20 result not written (stdout failed, or a value unsafe for --format env): token HAS been rotated | 130 interrupted (after sending: outcome unknown)";
    }
}
