using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>The stages after the current one.</summary>
    internal readonly struct PipelineNext
    {
        private readonly PipelineStage[] _stages;
        private readonly int _index;

        public PipelineNext(PipelineStage[] stages, int index)
        {
            _stages = stages;
            _index = index;
        }

        /// <summary>Runs the next stage (and, through it, the rest).</summary>
        public Task SendAsync(UpstashMessage message) => _stages[_index].ProcessAsync(message, new PipelineNext(_stages, _index + 1));
    }
}
