using System;
using System.Collections.Generic;
using System.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>The documented exit codes of the tool.</summary>
    /// <remarks>
    /// One cause has one code in every command, and <see cref="Catalog"/> says which commands can return each: the
    /// <c>--help</c> of every command and the README's table are both derived from it (a test checks the README).
    /// </remarks>
    public static class ExitCodes
    {
        /// <summary>Done (drift-check, verify-contract: conforms).</summary>
        public const int Ok = 0;

        /// <summary>drift-check, verify-contract: drift (or, for verify-contract, an unexpected status) found.</summary>
        public const int DriftFound = 1;

        /// <summary>Bad command line or unreadable input; nothing was sent.</summary>
        public const int Usage = 2;

        /// <summary>Rotation not confirmed (no --yes and no "yes" typed).</summary>
        public const int NotConfirmed = 3;

        /// <summary>Missing or malformed credentials or settings; nothing was sent.</summary>
        public const int Configuration = 4;

        /// <summary>401: the email or API key was not accepted.</summary>
        public const int Authentication = 10;

        /// <summary>403: the key may not do this.</summary>
        public const int Authorization = 11;

        /// <summary>404.</summary>
        public const int NotFound = 12;

        /// <summary>429: rate limited.</summary>
        public const int RateLimited = 13;

        /// <summary>503 (service unavailable; a 500 on a read): not processed.</summary>
        public const int ServerError = 14;

        /// <summary>400, 405, 406: the request was rejected.</summary>
        public const int RequestRejected = 15;

        /// <summary>A status the document does not list.</summary>
        public const int UnexpectedStatus = 16;

        /// <summary>2xx with an unreadable body: a rotated credential HAS been rotated; get it from the console.</summary>
        public const int UnreadableResponse = 17;

        /// <summary>Not sent (name not resolved, connection refused, TLS handshake failed), or a read that failed and is safe to repeat: safe to retry.</summary>
        public const int ConnectionFailed = 18;

        /// <summary>Timeout, lost connection or 500 after a rotation was sent: it MAY have been rotated; check before retrying.</summary>
        public const int OutcomeUnknown = 19;

        /// <summary>The result could not be written, or would not be safe to write; for a rotation the credential HAS been rotated.</summary>
        public const int ResultNotWritten = 20;

        /// <summary>The chosen output cannot keep a new secret (closed stdout, unwritable file, no $GITHUB_ENV, masked JSON only): nothing was sent.</summary>
        public const int OutputUnavailable = 21;

        /// <summary>Interrupted (Ctrl+C, SIGTERM).</summary>
        /// <remarks>For a rotation after the request was sent, the outcome is unknown.</remarks>
        public const int Interrupted = 130;

        /// <summary>The commands, as <see cref="Catalog"/> names them (<c>rotate</c> stands for every <c>rotate</c> subcommand and for <c>rotate-token</c>).</summary>
        public static class Commands
        {
            /// <summary><c>rotate qstash|redis|vector|search</c> and <c>rotate-token</c>.</summary>
            public const string Rotate = "rotate";

            /// <summary><c>list-qstash-users</c>.</summary>
            public const string ListQStashUsers = "list-qstash-users";

            /// <summary><c>drift-check</c>.</summary>
            public const string DriftCheck = "drift-check";

            /// <summary><c>verify-contract</c>.</summary>
            public const string VerifyContract = "verify-contract";

            /// <summary>Every command.</summary>
            public static readonly IReadOnlyList<string> All = new[] { Rotate, ListQStashUsers, DriftCheck, VerifyContract };
        }

        /// <summary>One exit code: its meaning and the commands that can return it.</summary>
        /// <param name="Code">The code.</param>
        /// <param name="Meaning">What it means, as --help and the README say it.</param>
        /// <param name="CommandNames">The commands that can return it.</param>
        public sealed record Entry(int Code, string Meaning, IReadOnlyList<string> CommandNames);

        private static readonly string[] Api = { Commands.Rotate, Commands.ListQStashUsers };

        /// <summary>Every exit code, in order.</summary>
        public static readonly IReadOnlyList<Entry> Catalog = new Entry[]
        {
            new(Ok, "done (drift-check, verify-contract: conforms)", Commands.All),
            new(DriftFound, "drift, or an unexpected status, found", new[] { Commands.DriftCheck, Commands.VerifyContract }),
            new(Usage, "bad usage or input: nothing sent", Commands.All),
            new(NotConfirmed, "not confirmed: nothing sent", new[] { Commands.Rotate }),
            new(Configuration, "missing or bad credentials or settings: nothing sent", new[] { Commands.Rotate, Commands.ListQStashUsers, Commands.VerifyContract }),
            new(Authentication, "unauthorized (401): check the email and API key", new[] { Commands.Rotate, Commands.ListQStashUsers, Commands.VerifyContract }),
            new(Authorization, "forbidden (403): the key may not do this", new[] { Commands.Rotate, Commands.ListQStashUsers, Commands.VerifyContract }),
            new(NotFound, "not found (404)", Api),
            new(RateLimited, "rate limited (429)", Api),
            new(ServerError, "service unavailable (503, or 500 on a read): not processed", Api),
            new(RequestRejected, "request rejected (400/405/406)", Api),
            new(UnexpectedStatus, "a status the document does not list", Api),
            new(UnreadableResponse, "a success that could not be read (rotate: the credential HAS been rotated, get it from the console)", Api),
            new(ConnectionFailed, "not sent (no DNS, refused, TLS failed), or a read that is safe to repeat failed: safe to retry", new[] { Commands.Rotate, Commands.ListQStashUsers, Commands.VerifyContract }),
            new(OutcomeUnknown, "outcome unknown (timeout, lost connection, 500 after sending): the credential may be rotated, check first", new[] { Commands.Rotate }),
            new(ResultNotWritten, "result not written (stdout, file or $GITHUB_ENV failed, or a value unsafe for it); rotate: the credential HAS been rotated, unless --demo", Commands.All),
            new(OutputUnavailable, "the output cannot keep the new secret (closed stdout, unwritable --output-file, no $GITHUB_ENV, masked JSON only): nothing sent", new[] { Commands.Rotate }),
            new(Interrupted, "interrupted (Ctrl+C, SIGTERM); rotate, after sending: outcome unknown", new[] { Commands.Rotate, Commands.ListQStashUsers, Commands.VerifyContract }),
        };

        /// <summary>The exit code for a typed API failure, by its type (the library's public surface).</summary>
        public static int For(UpstashApiException failure) => failure switch
        {
            UpstashAuthenticationException => Authentication,
            UpstashAuthorizationException => Authorization,
            UpstashNotFoundException => NotFound,
            UpstashRateLimitException => RateLimited,
            UpstashServerException => ServerError,
            UpstashRequestRejectedException => RequestRejected,
            UpstashUnexpectedStatusException => UnexpectedStatus,
            UpstashUnreadableResponseException => UnreadableResponse,
            UpstashConnectionException => ConnectionFailed,
            _ => OutcomeUnknown,
        };

        /// <summary>The codes <paramref name="command"/> can return.</summary>
        public static IReadOnlyList<Entry> Of(string command) => Catalog.Where(e => e.CommandNames.Contains(command)).ToList();

        /// <summary>The exit-code paragraph of a command's --help: exactly the codes it can return.</summary>
        public static string HelpFor(string command) =>
            "Exit codes: " + string.Join(" | ", Of(command).Select(e => $"{e.Code} {e.Meaning}")) + ".";

        /// <summary>The README's table of exit codes (a test checks that the README holds exactly this).</summary>
        public static string MarkdownTable =>
            "| code | meaning | returned by |\n|---|---|---|\n" + string.Concat(Catalog.Select(e =>
                $"| {e.Code} | {e.Meaning} | {(e.CommandNames.Count == Commands.All.Count ? "every command" : string.Join(", ", e.CommandNames.Select(c => $"`{c}`")))} |\n"));

        /// <summary>The exit-code paragraph of the tool's --help: every code, with the commands that return it.</summary>
        public static string Table =>
            "Exit codes: " + string.Join(" | ", Catalog.Select(e => $"{e.Code} {e.Meaning}" +
                (e.CommandNames.Count == Commands.All.Count ? string.Empty : $" [{string.Join(", ", e.CommandNames)}]"))) + ".";
    }
}
