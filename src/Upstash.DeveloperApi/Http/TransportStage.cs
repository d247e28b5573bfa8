using System.Net.Http;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>Sends the request and returns at its headers.</summary>
    /// <remarks>
    /// A failure before the request left (the name did not resolve, the connection was refused) is a
    /// <see cref="NotSentException"/>, which <see cref="RetryStage"/> may repeat; a connection lost after it may have
    /// left is an unknown outcome (or, for a GET, safe to repeat).
    /// </remarks>
    internal sealed class TransportStage : PipelineStage
    {
        public override async Task ProcessAsync(UpstashMessage message, PipelineNext next)
        {
            try
            {
                var response = await message.Http.SendAsync(message.Request, HttpCompletionOption.ResponseHeadersRead, message.AttemptToken).ConfigureAwait(false);
                response.RequestMessage ??= message.Request; // some handlers leave it unset; error mapping reads what was sent
                message.Response = response;
            }
            catch (HttpRequestException ex) when (!message.CancellationToken.IsCancellationRequested)
            {
                var notSent = ConnectFailure.Classify(ex, message.Request.RequestUri);
                if (notSent != null) throw new NotSentException(notSent);
                message.TransportFailure = "connection lost";
                throw CallErrors.ConnectionLost(message.Operation, ex);
            }
        }
    }
}
