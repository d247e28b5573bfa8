using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>One concern of every call, as a stage of <see cref="UpstashPipeline"/>: it does its part and hands the message to the stages after it.</summary>
    internal abstract class PipelineStage
    {
        /// <summary>Does this stage's part of the call; <paramref name="next"/> runs the stages after it.</summary>
        public abstract Task ProcessAsync(UpstashMessage message, PipelineNext next);
    }
}
