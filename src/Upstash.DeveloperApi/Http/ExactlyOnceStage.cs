using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>A request that may change something goes out exactly once.</summary>
    /// <remarks>
    /// SocketsHttpHandler repeats a request that has no body, up to 3 times, when the connection closes before any
    /// response byte arrives, whatever the method; a request with a body (even an empty one) is sent once. So a
    /// non-idempotent request without one gets an empty body.
    /// </remarks>
    internal sealed class ExactlyOnceStage : PipelineStage
    {
        public override Task ProcessAsync(UpstashMessage message, PipelineNext next)
        {
            if (message.Request.Content == null && !message.Operation.IsIdempotent) message.Request.Content = new EmptyContent();
            return next.SendAsync(message);
        }
    }
}
