using System;
using System.Diagnostics;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Diagnostics
{
    /// <summary>The span and the duration of one call, from its start to its <see cref="End"/>: the one pairing of <see cref="UpstashTelemetry.Start"/> and <see cref="UpstashTelemetry.Stop"/>.</summary>
    internal readonly struct CallSpan
    {
        private readonly ValueStopwatch _started;
        private readonly Activity? _activity;
        private readonly ApiOperation _operation;

        private CallSpan(ValueStopwatch started, Activity? activity, ApiOperation operation)
        {
            _started = started;
            _activity = activity;
            _operation = operation;
        }

        public static CallSpan Start(ApiOperation operation, Uri uri)
        {
            var started = ValueStopwatch.StartNew();
            return new CallSpan(started, UpstashTelemetry.Start(operation, uri), operation);
        }

        /// <summary>Ends the call: with the status that came (a typed failure's own status first), and the failure, if any.</summary>
        public void End(int? status, Exception? failure) =>
            UpstashTelemetry.Stop(_activity, _operation, _started, (failure as UpstashApiException)?.StatusCode ?? status, failure);
    }
}
