using System;
using System.Diagnostics;

namespace Upstash.DeveloperApi.Diagnostics
{
    /// <summary>An allocation-free stopwatch.</summary>
    internal readonly struct ValueStopwatch
    {
        private static readonly double TicksToTimeSpanTicks = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;
        private readonly long _start;

        private ValueStopwatch(long start) => _start = start;

        public static ValueStopwatch StartNew() => new ValueStopwatch(Stopwatch.GetTimestamp());

        public TimeSpan Elapsed => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - _start) * TicksToTimeSpanTicks));
    }
}
