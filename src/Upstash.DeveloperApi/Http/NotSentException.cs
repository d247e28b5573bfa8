using System;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>Within the pipeline only: the request never left (<see cref="Failure"/> says why).</summary>
    /// <remarks><see cref="RetryStage"/> repeats it or turns it into <see cref="UpstashConnectionException"/>.</remarks>
    internal sealed class NotSentException : Exception
    {
        public NotSentException(ConnectFailure failure)
            : base(failure.Description) => Failure = failure;

        public ConnectFailure Failure { get; }
    }
}
