using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace Upstash.DeveloperApi.Operations
{
    /// <summary>One operation of the API document, as the hand-written rules see it.</summary>
    /// <remarks>
    /// The facts come from the generated table (ApiOperations.g.cs); what follows from them is decided here, once, for
    /// every operation: whether it may be repeated, whether it issues credentials, how messages speak of it.
    /// </remarks>
    internal sealed class ApiOperation
    {
        private static readonly HttpMethod Patch = new("PATCH");
        private static readonly Regex CredentialReset = new(@"(^|[^a-z])(reset|rotate)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly int[] _successStatuses;

        public ApiOperation(string id, string method, string pathTemplate, string server, string client, string summary, int[] successStatuses, string methodName, string? enumerateMethodName)
        {
            Id = id;
            MethodName = methodName + "Async";
            EnumerateMethodName = enumerateMethodName == null ? null : enumerateMethodName + "Async";
            Method = method switch
            {
                "GET" => HttpMethod.Get,
                "POST" => HttpMethod.Post,
                "PUT" => HttpMethod.Put,
                "DELETE" => HttpMethod.Delete,
                "HEAD" => HttpMethod.Head,
                "OPTIONS" => HttpMethod.Options,
                "TRACE" => HttpMethod.Trace,
                "PATCH" => Patch,
                _ => new HttpMethod(method),
            };
            PathTemplate = pathTemplate;
            Server = server;
            Client = client;
            Summary = summary;
            _successStatuses = successStatuses;
            IsIdempotent = Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Put ||
                Method == HttpMethod.Delete || Method == HttpMethod.Options || Method == HttpMethod.Trace;
            IssuesCredentials = !IsIdempotent && (CredentialReset.IsMatch(Split(id)) || CredentialReset.IsMatch(summary));
            CredentialSubject = IssuesCredentials ? SubjectOf(summary) : null;
            CredentialWords = CredentialSubject == null
                ? Array.Empty<string>()
                : CredentialSubject.Split(' ').Skip(1).Select(w => w.ToLowerInvariant().TrimEnd('s')).ToArray();
        }

        /// <summary>The client method that calls it (<c>ResetQStashTokenAsync</c>): the overlay's <c>x-upstash-method</c>, else the operationId.</summary>
        public string MethodName { get; }

        /// <summary>The method of a list operation's <c>IAsyncEnumerable</c> form (<c>EnumerateAuditLogsAsync</c>); null for other operations.</summary>
        public string? EnumerateMethodName { get; }

        /// <summary>The operationId.</summary>
        public string Id { get; }

        /// <summary>The HTTP method (a shared instance).</summary>
        public HttpMethod Method { get; }

        /// <summary>The path as the document writes it, parameters unfilled (<c>/redis/database/{id}</c>): what logs and traces show.</summary>
        public string PathTemplate { get; }

        /// <summary>The server URL that applies to the operation: its own, else its path's, else the document's.</summary>
        public string Server { get; }

        /// <summary>The client it belongs to (<c>QStash</c>, <c>Redis</c>…).</summary>
        public string Client { get; }

        /// <summary>The document's summary (<c>Reset QStash Token</c>).</summary>
        public string Summary { get; }

        /// <summary>Whether repeating the request is harmless by HTTP's definition (GET, HEAD, PUT, DELETE, OPTIONS, TRACE).</summary>
        public bool IsIdempotent { get; }

        /// <summary>
        /// Whether the operation replaces credentials (rule: a non-idempotent operation whose operationId or summary says
        /// reset or rotate): <c>resetQStashToken</c>, <c>resetPassword</c>, <c>resetIndexPasswords</c>,
        /// <c>resetSearchPassword</c>.
        /// </summary>
        /// <remarks>
        /// Its messages say the credentials may already be replaced, and a success that carries none of its response's
        /// secret fields is unreadable, not empty.
        /// </remarks>
        public bool IssuesCredentials { get; }

        /// <summary>What the operation replaces, for messages (<c>the QStash token</c>, <c>the index passwords</c>); null when it issues none.</summary>
        public string? CredentialSubject { get; }

        /// <summary>The words of <see cref="CredentialSubject"/>, singular and lower-case (<c>qstash</c>, <c>token</c>): a response field named with one of them is the credential the operation issues.</summary>
        public string[] CredentialWords { get; }

        /// <summary>Whether <paramref name="status"/> is a success the document lists for the operation.</summary>
        public bool IsSuccess(int status) => Array.IndexOf(_successStatuses, status) >= 0;

        /// <inheritdoc/>
        public override string ToString() => Id;

        /// <summary>"Reset QStash Token" → "the QStash token"; "Reset Index Passwords" → "the index passwords".</summary>
        private static string SubjectOf(string summary)
        {
            var words = summary.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count > 0 && CredentialReset.IsMatch(words[0])) words.RemoveAt(0);
            if (words.Count == 0) return "the credentials";
            return "the " + string.Join(" ", words.Select(w => w.Skip(1).Any(char.IsUpper) ? w : w.ToLowerInvariant()));
        }

        /// <summary>"resetQStashToken" → "reset QStash Token", so that a word rule sees camelCase words.</summary>
        private static string Split(string id) => Regex.Replace(id, "(?<=[a-z])(?=[A-Z])", " ");
    }
}
