using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>Logs how the transport of a call ended: the status that came back, or why no answer came (without secrets).</summary>
    internal sealed class TransportLogStage : PipelineStage
    {
        private readonly Diagnostics.UpstashClientLog? _log;

        public TransportLogStage(Diagnostics.UpstashClientLog? log) => _log = log;

        public override async Task ProcessAsync(UpstashMessage message, PipelineNext next)
        {
            if (_log == null)
            {
                await next.SendAsync(message).ConfigureAwait(false);
                return;
            }
            try
            {
                await next.SendAsync(message).ConfigureAwait(false);
            }
            catch (UpstashApiException failure)
            {
                if (message.TransportFailure != null) _log.TransportFailed(message.Operation, message.TransportFailure, message.Started.Elapsed, message.Retries);
                else _log.CallFailed(failure);
                throw;
            }
            _log.Responded(message.Operation, (int)message.Response!.StatusCode, message.Started.Elapsed, message.Retries);
        }
    }
}
