using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Errors;

using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The transport of every client: sends through an <see cref="HttpClient"/> and adds the timeout, the
    /// retry policy, the bounded reading of the body and the mapping of transport failures to typed
    /// exceptions. A call is repeated only when the request provably was not processed: it was never
    /// sent (the name did not resolve, the connection was refused), or the service answered 429 or 503
    /// with a <c>Retry-After</c> no longer than <see cref="UpstashClientOptions.MaxRetryDelay"/>.
    /// </summary>
    internal sealed class UpstashHttpPipeline
    {
        public UpstashHttpPipeline(Diagnostics.UpstashClientLog? log) => Log = log;

        public Diagnostics.UpstashClientLog? Log { get; }

        /// <summary>Sends <paramref name="request"/> and reads its body (see the class).</summary>
        /// <param name="http">Sends the request.</param>
        /// <param name="request">The request.</param>
        /// <param name="operation">What is called.</param>
        /// <param name="options">The timeout, retries and limits that apply.</param>
        /// <param name="streamBody">
        /// Whether a success body is read as it arrives (<see cref="StreamedContent"/>: lists and models) rather than
        /// buffered within <see cref="UpstashClientOptions.MaxResponseBytes"/> (<see cref="BufferedContent"/>).
        /// </param>
        /// <param name="cancellationToken">The caller's cancellation.</param>
        /// <returns>The response, its body buffered or open for streaming.</returns>
        public async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, ApiOperation operation, UpstashClientOptions options, bool streamBody, CancellationToken cancellationToken)
        {
            var started = Diagnostics.ValueStopwatch.StartNew();
            // SocketsHttpHandler repeats a request that has no body, up to 3 times, when the connection
            // closes before any response byte arrives, whatever the method. A request with a body (even
            // an empty one) is sent once. A call that may change something must go out exactly once.
            if (request.Content == null && !operation.IsIdempotent) request.Content = new EmptyContent();
            var current = request;
            for (var attempt = 0; ; attempt++)
            {
                // Set when the attempt provably was not processed and may be repeated.
                HttpRequestMessage? retry = null;
                var retryReason = string.Empty;
                var retryDelay = TimeSpan.Zero;
                var timeout = TimeoutSource.Start(options.Timeout, cancellationToken);
                var streaming = false;
                try
                {
                    HttpResponseMessage? response = null;
                    try
                    {
                        response = await http.SendAsync(current, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                        response.RequestMessage ??= current; // some handlers leave it unset; error mapping reads what was sent
                    }
                    catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        Log?.TransportFailed(operation, "timeout", started.Elapsed, attempt);
                        throw CallErrors.TimedOut(operation, ex);
                    }
                    catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        var notSent = ConnectFailure.Classify(ex, current.RequestUri);
                        if (notSent == null)
                        {
                            Log?.TransportFailed(operation, "connection lost", started.Elapsed, attempt);
                            throw CallErrors.ConnectionLost(operation, ex);
                        }
                        if (!(notSent.Retryable && attempt < options.MaxRetries && TryClone(request, out retry)))
                        {
                            Log?.TransportFailed(operation, notSent.Reason, started.Elapsed, attempt);
                            throw CallErrors.NotSent(operation, notSent.Description, notSent.Advice, notSent.SafeInner, attempt + 1);
                        }
                        (retryReason, retryDelay) = (notSent.Reason, TimeSpan.FromTicks(options.ConnectRetryDelay.Ticks << attempt));
                    }

                    if (response != null)
                    {
                        var status = (int)response.StatusCode;
                        var retryAfter = (status == 429 || status == 503) && attempt < options.MaxRetries ? RetryAfter(response) : null;
                        if (!(retryAfter.HasValue && retryAfter.Value <= options.MaxRetryDelay && TryClone(request, out retry)))
                        {
                            if (streamBody && status >= 200 && status < 300 && response.Content != null)
                            {
                                response.Content = await StreamedContent.OpenAsync(response.Content, options.Timeout, cancellationToken).ConfigureAwait(false);
                                streaming = true;
                            }
                            else
                                await BufferBodyAsync(response, operation, options, timeout.Token, cancellationToken).ConfigureAwait(false);
                            if (attempt > 0) SetRetries(response, attempt);
                            Log?.Responded(operation, status, started.Elapsed, attempt);
                            return response;
                        }
                        response.Dispose();
                        (retryReason, retryDelay) = (status.ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter!.Value);
                    }
                }
                finally
                {
                    timeout.Dispose(reusable: !streaming);
                }

                Log?.Retrying(operation, retryReason, attempt + 1);
                Diagnostics.UpstashTelemetry.Retry(retryReason, attempt + 1);
                await Task.Delay(retryDelay, cancellationToken).ConfigureAwait(false);
                if (!ReferenceEquals(current, request)) current.Dispose();
                current = retry!;
            }
        }

        /// <summary>
        /// Reads the whole body under the same timeout as the headers. A 2xx body that cannot be read is
        /// an unreadable response (for a credential reset: done, the new credentials lost); an error body
        /// that cannot be read is dropped, since the status alone decides that exception.
        /// </summary>
        private async Task BufferBodyAsync(HttpResponseMessage response, ApiOperation operation, UpstashClientOptions options, CancellationToken token, CancellationToken callerToken)
        {
            var original = response.Content;
            var contentType = original?.Headers.ContentType;
            var status = (int)response.StatusCode;
            var success = status >= 200 && status < 300;
            var limit = success ? options.MaxResponseBytes : Math.Min(options.MaxResponseBytes, 64 * 1024);
            string? failure = null;
            Exception? cause = null;
            BufferedContent? buffered = null;
            var partial = success ? new PartialBody() : null; // an error body's part is of no use: the status decides
            try
            {
                buffered = await BufferedContent.LoadAsync(original, limit, token, partial).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
            {
                (failure, cause) = ("the body did not arrive within the timeout", ex);
            }
            catch (ResponseTooLargeException ex)
            {
                failure = $"the body is larger than {ex.Limit} bytes (UpstashClientOptions.MaxResponseBytes)";
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
                var exception = CallErrors.UnreadableSuccess(operation, status,
                    (failure ?? "the body could not be read") + (partial?.Text != null ? "; the part that arrived is kept" : string.Empty),
                    partial?.Text, cause);
                Log?.CallFailed(exception);
                throw exception;
            }
            response.Content = BufferedContent.Empty(contentType);
        }

        /// <summary>The wait a 429 or 503 asks for, or null when it names none.</summary>
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
    }
}
