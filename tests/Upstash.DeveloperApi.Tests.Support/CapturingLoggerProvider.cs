using Microsoft.Extensions.Logging;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>Every logger of a host writes into one <see cref="CapturingLogger"/>.</summary>
    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public CapturingLogger Logger { get; } = new();

        public ILogger CreateLogger(string categoryName) => Logger;

        public void Dispose() { }
    }
}
