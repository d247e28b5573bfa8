using System;

namespace Upstash.DeveloperApi
{
    /// <summary>How a client of the Upstash Developer API sends requests: base address, timeout, retries and limits.</summary>
    /// <remarks>The same options serve every client.</remarks>
    public class UpstashClientOptions
    {
        /// <summary>The default <see cref="Timeout"/>: 30 seconds.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Replaces the scheme, host and port (and adds a path prefix, if it has one) of every server in the API
        /// document, keeping each operation's own path: with <c>http://127.0.0.1:8080</c> the token reset goes to
        /// <c>http://127.0.0.1:8080/qstash/user/rotatetoken</c>, and operations under the document's <c>/v2</c> server to
        /// <c>http://127.0.0.1:8080/v2/…</c>.
        /// </summary>
        /// <remarks>
        /// Null (the default) uses the servers of the document, or the
        /// <see cref="System.Net.Http.HttpClient.BaseAddress"/> when that is set.
        /// An address that ends with the document server's path (<c>https://proxy.example/v2</c>, copied from the
        /// API reference) means that server: <c>/v2</c> is not added twice. Credentials go only to <c>https</c>
        /// addresses, or <c>http</c> on a loopback address (for tests); any other address is refused when the
        /// options are checked (at construction, or at start-up with dependency injection).
        /// </remarks>
        /// <exception cref="ArgumentException">The address is not absolute https (or http to a loopback address), or it has user info, a query or a fragment.</exception>
        public Uri? BaseAddress
        {
            get => _baseAddress;
            set
            {
                ValidateBaseAddress(value);
                _baseAddress = value;
            }
        }

        private Uri? _baseAddress;

        /// <summary>
        /// How long one attempt may take before the client gives up: the wait for the response headers, and for a
        /// buffered body the whole of it; for a body read as it arrives (lists, models), the longest wait for more of it.
        /// </summary>
        /// <remarks>Default 30 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.</remarks>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>
        /// How many times a call is repeated when the request provably was not processed (connection refused, or 429/503
        /// with a <c>Retry-After</c> of at most <see cref="MaxRetryDelay"/>).
        /// </summary>
        /// <remarks>Default 2; 0 turns retries off.</remarks>
        public int MaxRetries { get; set; } = 2;

        /// <summary>
        /// The longest <c>Retry-After</c> the client waits for before a retry; a longer one ends the call with the
        /// 429/503.
        /// </summary>
        /// <remarks>Default 10 seconds.</remarks>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>The wait before repeating a call whose connection was refused.</summary>
        /// <remarks>Default 200 ms, doubled on each retry.</remarks>
        public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>The largest response body the client buffers, in bytes.</summary>
        /// <remarks>
        /// Default 1 MiB. It applies to the bodies the client holds whole: the result of an operation that issues
        /// credentials (a larger one is an unreadable response, its raw body kept) and plain-text results; error bodies
        /// are read up to 64 KiB of it. Lists and other models are read as they arrive and no size limit applies to them:
        /// there, <see cref="Timeout"/> bounds each wait for more of the body, not the whole transfer.
        /// </remarks>
        public int MaxResponseBytes { get; set; } = 1024 * 1024;

        /// <summary>Checks every value and throws for the first bad one, naming it.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
        /// <exception cref="ArgumentException">The base address is not an absolute https address (or http to a loopback address).</exception>
        internal void Validate()
        {
            ValidateBaseAddress(BaseAddress);
            if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue))
                throw new ArgumentOutOfRangeException(nameof(Timeout), $"{nameof(Timeout)} must be positive and at most {int.MaxValue} ms, or Timeout.InfiniteTimeSpan.");
            if (MaxRetries < 0 || MaxRetries > 10)
                throw new ArgumentOutOfRangeException(nameof(MaxRetries), $"{nameof(MaxRetries)} must be between 0 and 10.");
            if (MaxRetryDelay < TimeSpan.Zero || MaxRetryDelay > TimeSpan.FromMinutes(10))
                throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), $"{nameof(MaxRetryDelay)} must be between 0 and 10 minutes.");
            if (ConnectRetryDelay < TimeSpan.Zero || ConnectRetryDelay > TimeSpan.FromMinutes(1))
                throw new ArgumentOutOfRangeException(nameof(ConnectRetryDelay), $"{nameof(ConnectRetryDelay)} must be between 0 and 1 minute.");
            if (MaxResponseBytes < 1024 || MaxResponseBytes > 256 * 1024 * 1024)
                throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), $"{nameof(MaxResponseBytes)} must be between 1 KiB and 256 MiB.");
        }

        internal static void ValidateBaseAddress(Uri? baseAddress)
        {
            if (baseAddress == null) return;
            if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"{nameof(BaseAddress)} must be an absolute http or https address.", nameof(BaseAddress));
            if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment))
                throw new ArgumentException($"{nameof(BaseAddress)} must not have a query or a fragment.", nameof(BaseAddress));
            if (!string.IsNullOrEmpty(baseAddress.UserInfo))
                throw new ArgumentException($"{nameof(BaseAddress)} must not carry user info (a user name or password); give credentials through {nameof(UpstashCredentials)}.", nameof(BaseAddress));
            if (baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
                throw new ArgumentException($"{nameof(BaseAddress)} must be https: credentials never travel in clear text (plain http is allowed only to a loopback address, for tests).", nameof(BaseAddress));
        }

        /// <summary>A plain copy of these options (of a derived type too: the copy is an <see cref="UpstashClientOptions"/> and nothing more).</summary>
        internal UpstashClientOptions Clone() => new()
        {
            BaseAddress = BaseAddress,
            Timeout = Timeout,
            MaxRetries = MaxRetries,
            MaxRetryDelay = MaxRetryDelay,
            ConnectRetryDelay = ConnectRetryDelay,
            MaxResponseBytes = MaxResponseBytes,
        };
    }

}
