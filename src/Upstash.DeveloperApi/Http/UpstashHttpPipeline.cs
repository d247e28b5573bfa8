using System;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The transport under the generated client (nswag.json names it as the client's
    /// <c>httpClientType</c>): sends through your <see cref="HttpClient"/> and adds the timeout, the
    /// retry policy and the mapping of transport failures to typed exceptions.
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
        private const string OperationKey = "Upstash.Operation";
        private const string ReadTimeoutKey = "Upstash.ReadTimeout";

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

        /// <summary>Sends a request prepared by the generated client (see the remarks of the class).</summary>
        /// <param name="request">The request.</param>
        /// <param name="completionOption">When the returned task completes.</param>
        /// <param name="cancellationToken">The caller's cancellation; cancelling it raises <see cref="OperationCanceledException"/>.</param>
        /// <returns>The response.</returns>
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var operation = GetOperation(request);
            var idempotent = IsIdempotent(request.Method);
            var started = Diagnostics.ValueStopwatch.StartNew();
            var current = request;
            for (var attempt = 0; ; attempt++)
            {
                CancellationTokenSource? timeout = null;
                var token = cancellationToken;
                if (_options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
                {
                    timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(_options.Timeout);
                    token = timeout.Token;
                }

                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(current, completionOption, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    timeout?.Dispose();
                    Log?.TransportFailed(operation, request.Method.Method, PathOf(request), "timeout", started.Elapsed, attempt);
                    throw TimedOut(operation, idempotent, ex);
                }
                catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    timeout?.Dispose();
                    if (IsConnectFailure(ex))
                    {
                        if (attempt < _options.MaxRetries && TryClone(request, out var clone))
                        {
                            Log?.Retrying(operation, request.Method.Method, PathOf(request), "connection refused", attempt + 1);
                            var delay = TimeSpan.FromTicks(_options.ConnectRetryDelay.Ticks << attempt);
                            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                            DisposeIfClone(current, request);
                            current = clone;
                            continue;
                        }
                        Log?.TransportFailed(operation, request.Method.Method, PathOf(request), "connection refused", started.Elapsed, attempt);
                        DisposeIfClone(current, request);
                        throw new UpstashConnectionException(operation,
                            $"{operation}: could not connect to the Upstash API, so the request was not processed" +
                            (attempt > 0 ? $" (tried {attempt + 1} times)" : string.Empty) +
                            ". Check the network and the base address, then try again.",
                            Redaction.SafeInner(ex));
                    }
                    Log?.TransportFailed(operation, request.Method.Method, PathOf(request), "connection lost", started.Elapsed, attempt);
                    DisposeIfClone(current, request);
                    throw ConnectionLost(operation, idempotent, ex);
                }
                catch
                {
                    timeout?.Dispose();
                    DisposeIfClone(current, request);
                    throw;
                }

                var status = (int)response.StatusCode;
                if ((status == 429 || status == 503) && attempt < _options.MaxRetries)
                {
                    var retryAfter = RetryAfter(response);
                    if (retryAfter.HasValue && retryAfter.Value <= _options.MaxRetryDelay && TryClone(request, out var clone))
                    {
                        timeout?.Dispose();
                        response.Dispose();
                        Log?.Retrying(operation, request.Method.Method, PathOf(request), status.ToString(System.Globalization.CultureInfo.InvariantCulture), attempt + 1);
                        await Task.Delay(retryAfter.Value, cancellationToken).ConfigureAwait(false);
                        DisposeIfClone(current, request);
                        current = clone;
                        continue;
                    }
                }

                // The body is read later, by the generated code's hooks; the same timeout bounds it.
                if (response.RequestMessage == null) response.RequestMessage = current; // handlers may leave it unset
                if (timeout != null) SetOption(response.RequestMessage, ReadTimeoutKey, timeout);
                Log?.Responded(operation, request.Method.Method, PathOf(request), status, started.Elapsed, attempt);
                return response;
            }
        }

        /// <summary>Releases the <see cref="HttpClient"/> when the client created it.</summary>
        public void Dispose()
        {
            if (_ownsHttpClient) _http.Dispose();
        }

        internal static void SetOperation(HttpRequestMessage request, string operationId) => SetOption(request, OperationKey, operationId);

        internal static string GetOperation(HttpRequestMessage? request) =>
            request != null && TryGetOption(request, OperationKey, out var value) && value is string s ? s : "request";

        /// <summary>The token that bounds reading the body of <paramref name="response"/>: the caller's, joined with the attempt's timeout.</summary>
        internal static CancellationTokenSource? TakeReadTimeout(HttpResponseMessage response)
        {
            var request = response.RequestMessage;
            if (request != null && TryGetOption(request, ReadTimeoutKey, out var value) && value is CancellationTokenSource cts)
            {
                SetOption(request, ReadTimeoutKey, null);
                return cts;
            }
            return null;
        }

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

        internal static UpstashApiException TimedOut(string operation, bool idempotent, Exception? cause) =>
            idempotent
                ? (UpstashApiException)new UpstashConnectionException(operation, $"{operation}: the Upstash API did not answer in time. The call is safe to repeat.", Redaction.SafeInner(cause))
                : new UpstashOutcomeUnknownException(operation,
                    $"{operation}: the Upstash API did not answer in time, after the request may have reached it. " +
                    "The outcome is unknown: for a token reset, the token may already have been rotated. " +
                    "Do not repeat the call blindly: check the current QStash token in the Upstash console first.",
                    UpstashOutcomeUnknownReason.Timeout, null, null, null, Redaction.SafeInner(cause));

        private static UpstashApiException ConnectionLost(string operation, bool idempotent, Exception cause) =>
            idempotent
                ? (UpstashApiException)new UpstashConnectionException(operation, $"{operation}: the connection to the Upstash API failed. The call is safe to repeat.", Redaction.SafeInner(cause))
                : new UpstashOutcomeUnknownException(operation,
                    $"{operation}: the connection to the Upstash API failed after the request may have been sent. " +
                    "The outcome is unknown: for a token reset, the token may already have been rotated. " +
                    "Do not repeat the call blindly: check the current QStash token in the Upstash console first.",
                    UpstashOutcomeUnknownReason.ConnectionLost, null, null, null, Redaction.SafeInner(cause));

        private static bool IsConnectFailure(HttpRequestException ex)
        {
#if NET8_0_OR_GREATER
            if (ex.HttpRequestError == HttpRequestError.ConnectionError || ex.HttpRequestError == HttpRequestError.NameResolutionError)
            {
                // ConnectionError also covers a connection that broke after sending; only a failed connect proves nothing was sent.
                for (Exception? e = ex.InnerException; e != null; e = e.InnerException)
                    if (e is SocketException se) return IsConnectSocketError(se.SocketErrorCode);
                return ex.HttpRequestError == HttpRequestError.NameResolutionError;
            }
#endif
            for (Exception? e = ex.InnerException; e != null; e = e.InnerException)
                if (e is SocketException se) return IsConnectSocketError(se.SocketErrorCode);
            return false;
        }

        private static bool IsConnectSocketError(SocketError error) =>
            error == SocketError.ConnectionRefused || error == SocketError.HostNotFound ||
            error == SocketError.NoData || error == SocketError.HostUnreachable || error == SocketError.NetworkUnreachable;

        private static bool TryClone(HttpRequestMessage original, out HttpRequestMessage clone)
        {
            clone = null!;
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
                if (TryGetOption(original, OperationKey, out var op)) SetOption(copy, OperationKey, op);
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

        private static void SetOption(HttpRequestMessage request, string key, object? value)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(new HttpRequestOptionsKey<object?>(key), value);
#else
            request.Properties[key] = value;
#endif
        }

        private static bool TryGetOption(HttpRequestMessage request, string key, out object? value)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(new HttpRequestOptionsKey<object?>(key), out value);
#else
            return request.Properties.TryGetValue(key, out value);
#endif
        }
    }
}
