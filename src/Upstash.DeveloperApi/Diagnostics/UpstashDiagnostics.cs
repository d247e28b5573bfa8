namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The names to give OpenTelemetry (or any ActivityListener and MeterListener):
    /// <c>.WithTracing(t =&gt; t.AddSource(UpstashDiagnostics.ActivitySourceName))</c> and
    /// <c>.WithMetrics(m =&gt; m.AddMeter(UpstashDiagnostics.MeterName))</c>.
    /// </summary>
    public static class UpstashDiagnostics
    {
        /// <summary>The ActivitySource of the clients: one client span per call, named after the operation (<c>resetQStashToken</c>).</summary>
        public const string ActivitySourceName = "Upstash.DeveloperApi";

        /// <summary>The Meter of the clients.</summary>
        public const string MeterName = "Upstash.DeveloperApi";

        /// <summary>The histogram of call durations, in seconds, tagged <c>upstash.operation</c> and <c>upstash.outcome</c>.</summary>
        public const string DurationInstrumentName = "upstash.client.operation.duration";
    }
}
