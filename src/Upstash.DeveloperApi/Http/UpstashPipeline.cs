using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The transport of every call, as stages of one concern each, composed in one place (<see cref="Create"/>), as the
    /// Azure SDK's HttpPipelineBuilder and Kiota's handler list compose theirs.
    /// </summary>
    /// <remarks>A call's facts travel on its <see cref="UpstashMessage"/>.</remarks>
    internal sealed class UpstashPipeline
    {
        private readonly PipelineStage[] _stages;

        private UpstashPipeline(PipelineStage[] stages) => _stages = stages;

        /// <summary>The stages, outermost first: each wraps the ones after it.</summary>
        public static UpstashPipeline Create(Diagnostics.UpstashClientLog? log) => new(new PipelineStage[]
        {
            new TransportLogStage(log),   // one line per call: the response, or why the transport failed
            new ExactlyOnceStage(),     // a request that may change something goes out once (no silent resend by the handler)
            new RetryStage(log),        // repeats only what provably was not processed: never sent, or 429/503 with a short Retry-After
            new AttemptTimeoutStage(),  // each attempt's timeout: the headers, and a buffered body with them
            new BodyStage(),            // the body buffered within MaxResponseBytes, or opened as a stream with a stall watchdog
            new TransportStage(),       // HttpClient.SendAsync; a failure before the request left is told apart from a lost one
        });

        /// <summary>Sends the message's request; on return <see cref="UpstashMessage.Response"/> holds the response.</summary>
        public Task SendAsync(UpstashMessage message) => new PipelineNext(_stages, 0).SendAsync(message);
    }
}
