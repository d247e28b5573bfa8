using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The transport under the generated client (nswag.json names it as the client's
    /// <c>httpClientType</c>): sends through your <see cref="HttpClient"/> and adds the timeout, the
    /// retry policy, the bounded reading of the body and the mapping of transport failures to typed exceptions.
    /// </summary>
    /// <remarks>
    /// You do not create one: construct <see cref="QStashClient"/> with an <see cref="HttpClient"/> and
    /// <see cref="UpstashCredentials"/>. Retries happen only when the request provably was not
    /// processed: the connection was refused, or the service answered 429 or 503 with a
    /// <c>Retry-After</c> no longer than <see cref="QStashClientOptions.MaxRetryDelay"/>.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class UpstashHttpPipeline : IDisposable
    {
        private readonly HttpClient _http;
        private readonly bool _ownsHttpClient;
        private readonly QStashClientOptions _options;

        internal UpstashHttpPipeline(HttpClient http, bool ownsHttpClient, QStashClientOptions options)
        {
            _http = http ?? throw new ArgumentNullException(nameof(http));
            _ownsHttpClient = ownsHttpClient;
            _options = options;
        }

        internal HttpClient HttpClient => _http;

        internal QStashClientOptions Options => _options;

        internal Diagnostics.QStashClientLog? Log { get; set; }

        /// <summary>Sends a request prepared by the generated client and reads its body (see the remarks of the class).</summary>
        /// <param name="request">The request.</param>
        /// <param name="operationId">The operation, as the API document names it.</param>
        /// <param name="completionOption">Ignored: the body is always read, within the timeout and the size limit.</param>
        /// <param name="cancellationToken">The caller's cancellation; cancelling it raises <see cref="OperationCanceledException"/>.</param>
        /// <returns>The response, its body buffered.</returns>
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string operationId, HttpCompletionOption completionOption, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var started = Diagnostics.ValueStopwatch.StartNew();
            // SocketsHttpHandler repeats a request that has no body, up to 3 times, when the connection
            // closes before any response byte arrives, whatever the method. A request with a body (even
            // an empty one) is sent once. A call that may change something must go out exactly once.
            if (request.Content == null && !IsIdempotent(request.Method)) request.Content = new EmptyContent();
            var current = request;
            for (var attempt = 0; ; attempt++)
            {
                // Set when the attempt provably was not processed and may be repeated.
                HttpRequestMessage? retry = null;
                var retryReason = string.Empty;
                var retryDelay = TimeSpan.Zero;
                var timeout = TimeoutSource.Start(_options.Timeout, cancellationToken);
                try
                {
                    HttpResponseMessage? response = null;
                    try
                    {
                        response = await _http.SendAsync(current, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                        response.RequestMessage ??= current; // some handlers leave it unset; error mapping reads what was sent
                    }
                    catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        Log?.TransportFailed(operationId, request.Method.Method, PathOf(request), "timeout", started.Elapsed, attempt);
                        throw TimedOut(operationId, IsIdempotent(request.Method), ex);
                    }
                    catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        var notSent = ConnectFailure.Classify(ex, current.RequestUri);
                        if (notSent == null)
                        {
                            Log?.TransportFailed(operationId, request.Method.Method, PathOf(request), "connection lost", started.Elapsed, attempt);
                            throw ConnectionLost(operationId, IsIdempotent(request.Method), ex);
                        }
                        if (!(notSent.Retryable && attempt < _options.MaxRetries && TryClone(request, out retry)))
                        {
                            Log?.TransportFailed(operationId, request.Method.Method, PathOf(request), notSent.Reason, started.Elapsed, attempt);
                            throw new UpstashConnectionException(operationId,
                                $"{operationId}: {notSent.Description}, so the request was not sent (not processed)" +
                                (attempt > 0 ? $" (tried {attempt + 1} times)" : string.Empty) +
                                $". It is safe to retry. {notSent.Advice}",
                                notSent.SafeInner);
                        }
                        (retryReason, retryDelay) = (notSent.Reason, TimeSpan.FromTicks(_options.ConnectRetryDelay.Ticks << attempt));
                    }

                    if (response != null)
                    {
                        var status = (int)response.StatusCode;
                        var retryAfter = (status == 429 || status == 503) && attempt < _options.MaxRetries ? RetryAfter(response) : null;
                        if (!(retryAfter.HasValue && retryAfter.Value <= _options.MaxRetryDelay && TryClone(request, out retry)))
                        {
                            await BufferBodyAsync(response, operationId, status, timeout.Token, cancellationToken).ConfigureAwait(false);
                            if (attempt > 0) SetRetries(response, attempt);
                            Log?.Responded(operationId, request.Method.Method, PathOf(request), status, started.Elapsed, attempt);
                            return response;
                        }
                        response.Dispose();
                        (retryReason, retryDelay) = (status.ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter!.Value);
                    }
                }
                finally
                {
                    timeout.Dispose();
                }

                Log?.Retrying(operationId, request.Method.Method, PathOf(request), retryReason, attempt + 1);
                await Task.Delay(retryDelay, cancellationToken).ConfigureAwait(false);
                DisposeIfClone(current, request);
                current = retry!;
            }
        }

        /// <summary>Releases the <see cref="HttpClient"/> when the client created it.</summary>
        public void Dispose()
        {
            if (_ownsHttpClient) _http.Dispose();
        }

        /// <summary>
        /// Reads the whole body under the same timeout as the headers. A 2xx body that cannot be read is
        /// an unreadable response (for the token reset: rotated, new token lost); an error body that
        /// cannot be read is dropped, since the status alone decides that exception.
        /// </summary>
        private async Task BufferBodyAsync(HttpResponseMessage response, string operationId, int status, CancellationToken token, CancellationToken callerToken)
        {
            var original = response.Content;
            var contentType = original?.Headers.ContentType;
            var success = status >= 200 && status < 300;
            var limit = success ? _options.MaxResponseBytes : Math.Min(_options.MaxResponseBytes, 64 * 1024);
            string? failure = null;
            Exception? cause = null;
            BufferedContent? buffered = null;
            try
            {
                buffered = await BufferedContent.LoadAsync(original, limit, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
            {
                (failure, cause) = ("the body did not arrive within the timeout", ex);
            }
            catch (ResponseTooLargeException ex)
            {
                failure = $"the body is larger than {ex.Limit} bytes (QStashClientOptions.MaxResponseBytes)";
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                (failure, cause) = ("the connection broke while the body was being read", ex);
            }
            catch
            {
                // The caller cancelled, or something unforeseen: the response goes, and its connection with it.
                original?.Dispose();
                response.Dispose();
                throw;
            }
            // Read whole or given up: either way the original body is done with, and disposing it
            // releases (or closes) its connection.
            original?.Dispose();
            if (buffered != null)
            {
                response.Content = buffered;
                return;
            }

            if (success)
            {
                response.Dispose();
                var exception = UnreadableSuccess(operationId, status, failure ?? "the body could not be read", null, cause);
                Log?.CallFailed(exception);
                throw exception;
            }
            response.Content = BufferedContent.Empty(contentType);
        }

#if NET5_0_OR_GREATER
        private static readonly HttpRequestOptionsKey<int> RetriesKey = new("Upstash.Retries");

        private static void SetRetries(HttpResponseMessage response, int retries) => response.RequestMessage?.Options.Set(RetriesKey, retries);

        /// <summary>How many times the transport repeated the request before this response (0 when it did not).</summary>
        internal static int RetriesOf(HttpResponseMessage response) =>
            response.RequestMessage != null && response.RequestMessage.Options.TryGetValue(RetriesKey, out var retries) ? retries : 0;
#else
        private const string RetriesKey = "Upstash.Retries";

        private static void SetRetries(HttpResponseMessage response, int retries)
        {
            if (response.RequestMessage != null) response.RequestMessage.Properties[RetriesKey] = retries;
        }

        /// <summary>How many times the transport repeated the request before this response (0 when it did not).</summary>
        internal static int RetriesOf(HttpResponseMessage response) =>
            response.RequestMessage != null && response.RequestMessage.Properties.TryGetValue(RetriesKey, out var retries) && retries is int count ? count : 0;
#endif

        internal static UpstashUnreadableResponseException UnreadableSuccess(string operationId, int status, string reason, string? rawBody, Exception? cause) =>
            new(operationId,
                $"{operationId}: the Upstash API answered {status} (success), but the response could not be read: {reason}. " +
                "For a token reset this means the token HAS been rotated and the new one is not in this response: " +
                "get it from the Upstash console. (The raw body is available from GetRawResponseBody(), never from this message.)",
                status, rawBody, Redaction.SafeInner(cause));

        private static string PathOf(HttpRequestMessage request) =>
            request.RequestUri == null ? string.Empty : request.RequestUri.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString;

        internal static bool IsIdempotent(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put ||
            method == HttpMethod.Delete || method == HttpMethod.Options || method == HttpMethod.Trace;

        internal static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        private static UpstashApiException TimedOut(string operation, bool idempotent, Exception cause) =>
            AfterSending(operation, idempotent, UpstashOutcomeUnknownReason.Timeout, cause,
                "the Upstash API did not answer in time", "the Upstash API did not answer in time, after the request may have reached it");

        private static UpstashApiException ConnectionLost(string operation, bool idempotent, Exception cause) =>
            AfterSending(operation, idempotent, UpstashOutcomeUnknownReason.ConnectionLost, cause,
                "the connection to the Upstash API failed", "the connection to the Upstash API failed after the request may have been sent");

        // A failure after the request may have been sent: harmless to repeat for an idempotent
        // operation, an unknown outcome (the token may be rotated) for the others.
        private static UpstashApiException AfterSending(string operation, bool idempotent, UpstashOutcomeUnknownReason reason, Exception cause, string failed, string failedAfterSending) =>
            idempotent
                ? new UpstashConnectionException(operation, $"{operation}: {failed}. The call is safe to repeat.", Redaction.SafeInner(cause))
                : new UpstashOutcomeUnknownException(operation, $"{operation}: {failedAfterSending}. {UpstashOutcomeUnknownException.Advice}",
                    reason, null, null, null, Redaction.SafeInner(cause));

        private static bool TryClone(HttpRequestMessage original, out HttpRequestMessage? clone)
        {
            clone = null;
            try
            {
                var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
                foreach (var header in original.Headers)
                    copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
                if (original.Content != null)
                {
                    var bytes = original.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                    var content = new ByteArrayContent(bytes);
                    foreach (var header in original.Content.Headers)
                        content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    copy.Content = content;
                }
                clone = copy;
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false; // the platform disposed the content after sending: no safe copy, no retry
            }
        }

        private static void DisposeIfClone(HttpRequestMessage current, HttpRequestMessage original)
        {
            if (!ReferenceEquals(current, original)) current.Dispose();
        }
    }
}
