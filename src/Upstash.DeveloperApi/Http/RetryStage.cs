using System;
using System.Net.Http;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// Repeats a call only when its request provably was not processed: it never left (the name did not resolve, the
    /// connection was refused: wait <see cref="UpstashClientOptions.ConnectRetryDelay"/>, doubled each time), or the
    /// service answered 429 or 503 with a <c>Retry-After</c> of at most <see cref="UpstashClientOptions.MaxRetryDelay"/>.
    /// </summary>
    /// <remarks>
    /// At most <see cref="UpstashClientOptions.MaxRetries"/> times; each repeat sends a fresh copy of the request.
    /// </remarks>
    internal sealed class RetryStage : PipelineStage
    {
        private readonly Diagnostics.UpstashClientLog? _log;

        public RetryStage(Diagnostics.UpstashClientLog? log) => _log = log;

        public override async Task ProcessAsync(UpstashMessage message, PipelineNext next)
        {
            var original = message.Request;
            for (var attempt = 0; ; attempt++)
            {
                message.Retries = attempt;
                string reason;
                TimeSpan delay;
                HttpRequestMessage? copy;
                try
                {
                    await next.SendAsync(message).ConfigureAwait(false);
                    var status = (int)message.Response!.StatusCode;
                    var retryAfter = (status == 429 || status == 503) && attempt < message.Options.MaxRetries ? RetryAfterHeader.Of(message.Response) : null;
                    if (!(retryAfter.HasValue && retryAfter.Value <= message.Options.MaxRetryDelay) || (copy = await CopyAsync(original).ConfigureAwait(false)) == null) return;
                    message.Response.Dispose();
                    message.Response = null;
                    (reason, delay) = (status.ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter.Value);
                }
                catch (NotSentException notSent)
                {
                    if (!(notSent.Failure.Retryable && attempt < message.Options.MaxRetries) || (copy = await CopyAsync(original).ConfigureAwait(false)) == null)
                    {
                        message.TransportFailure = notSent.Failure.Reason;
                        throw CallErrors.NotSent(message.Operation, notSent.Failure.Description, notSent.Failure.Advice, notSent.Failure.SafeInner, attempt + 1);
                    }
                    (reason, delay) = (notSent.Failure.Reason, TimeSpan.FromTicks(message.Options.ConnectRetryDelay.Ticks << attempt));
                }

                _log?.Retrying(message.Operation, reason, attempt + 1);
                Diagnostics.UpstashTelemetry.Retry(reason, attempt + 1);
                try
                {
                    await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    copy.Dispose();
                    throw;
                }
                if (!ReferenceEquals(message.Request, original)) message.Request.Dispose();
                message.Request = copy;
            }
        }

        /// <summary>A fresh request with the method, address, headers and body of <paramref name="original"/>; null when its body can no longer be read (a platform that disposes it after sending): then no retry.</summary>
        private static async Task<HttpRequestMessage?> CopyAsync(HttpRequestMessage original)
        {
            byte[]? body = null;
            try
            {
                if (original.Content != null) body = await original.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
            foreach (var header in original.Headers)
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (original.Content != null)
            {
                var content = new ByteArrayContent(body!);
                foreach (var header in original.Content.Headers)
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                copy.Content = content;
            }
            return copy;
        }
    }
}
