using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The body of the response: a success of an operation that asks for it (lists, models) is opened as a stream
    /// with a stall watchdog (<see cref="StreamedContent"/>), any other body is read whole within
    /// <see cref="UpstashClientOptions.MaxResponseBytes"/> (64 KiB for an error body) under the attempt's timeout
    /// (<see cref="BufferedContent"/>).
    /// </summary>
    internal sealed class BodyStage : PipelineStage
    {
        public override async Task ProcessAsync(UpstashMessage message, PipelineNext next)
        {
            await next.SendAsync(message).ConfigureAwait(false);
            var response = message.Response!;
            var status = (int)response.StatusCode;
            if (message.StreamBody && status >= 200 && status < 300 && response.Content != null)
            {
                response.Content = await StreamedContent.OpenAsync(response.Content, message.Options.Timeout, message.CancellationToken).ConfigureAwait(false);
                message.BodyStreamed = true;
            }
            else
            {
                await BufferBodyAsync(response, message.Operation, message.Options, message.AttemptToken, message.CancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Reads the whole body under the same timeout as the headers.</summary>
        /// <remarks>
        /// A 2xx body that cannot be read is an unreadable response (for a credential reset: done, the new credentials
        /// lost); an error body that cannot be read is dropped, since the status alone decides that exception.
        /// </remarks>
        private static async Task BufferBodyAsync(HttpResponseMessage response, ApiOperation operation, UpstashClientOptions options, CancellationToken token, CancellationToken callerToken)
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
                throw exception;
            }
            response.Content = BufferedContent.Empty(contentType);
        }
    }
}
