using System;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// Each attempt has <see cref="UpstashClientOptions.Timeout"/> for its headers, and a buffered body with them (a
    /// streamed body has it for every wait instead: <see cref="StreamedContent"/>).
    /// </summary>
    /// <remarks>An attempt that runs out of time has an unknown outcome: the request may have been processed.</remarks>
    internal sealed class AttemptTimeoutStage : PipelineStage
    {
        public override async Task ProcessAsync(UpstashMessage message, PipelineNext next)
        {
            var timeout = TimeoutSource.Start(message.Options.Timeout, message.CancellationToken);
            message.AttemptToken = timeout.Token;
            try
            {
                await next.SendAsync(message).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!message.CancellationToken.IsCancellationRequested)
            {
                message.TransportFailure = "timeout";
                throw CallErrors.TimedOut(message.Operation, ex);
            }
            finally
            {
                // A streamed body is still read under this attempt's token: its source is never reused.
                timeout.Dispose(reusable: !message.BodyStreamed);
                message.AttemptToken = message.CancellationToken;
            }
        }
    }
}
