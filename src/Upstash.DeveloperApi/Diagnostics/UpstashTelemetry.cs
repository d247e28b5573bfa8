using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Diagnostics
{
    /// <summary>
    /// Traces and metrics, for every operation, from one place: a client span per call named after the operation, with
    /// OpenTelemetry's HTTP client attributes (<c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>,
    /// <c>url.template</c>, <c>http.response.status_code</c>, <c>error.type</c>) and the operationId
    /// (<c>upstash.operation</c>); each retry is an event of it.
    /// </summary>
    /// <remarks>
    /// A histogram records each call's duration by operation and outcome. Nothing here is ever a header, a body, a full
    /// URL, a token or a key.
    /// </remarks>
    internal static class UpstashTelemetry
    {
        private static readonly string? Version = typeof(UpstashTelemetry).Assembly.GetName().Version?.ToString();

        public static readonly ActivitySource Source = new(UpstashDiagnostics.ActivitySourceName, Version);

        public static readonly Meter Meter = new(UpstashDiagnostics.MeterName, Version);

        public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
            UpstashDiagnostics.DurationInstrumentName, "s", "Duration of Upstash Developer API operations, by operation and outcome.");

        /// <summary>Starts the span of a call (null when nobody listens).</summary>
        public static Activity? Start(ApiOperation operation, Uri uri)
        {
            var activity = Source.StartActivity(operation.Id, ActivityKind.Client);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("http.request.method", operation.Method.Method);
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
                activity.SetTag("url.template", operation.PathTemplate);
                activity.SetTag("upstash.operation", operation.Id);
            }
            return activity;
        }

        /// <summary>Ends the span and records the duration.</summary>
        /// <remarks>The outcome is <c>success</c>, the error kind, or the exception type; never a message.</remarks>
        public static void Stop(Activity? activity, ApiOperation operation, ValueStopwatch started, int? status, Exception? error)
        {
            var outcome = error switch
            {
                null => "success",
                UpstashApiException api => api.Kind.ToString(),
                OperationCanceledException => "cancelled",
                _ => error.GetType().FullName ?? "error",
            };
            var errorType = error == null ? null : error is UpstashApiException { StatusCode: int code } && code >= 400 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : outcome;
            if (activity != null)
            {
                if (status.HasValue) activity.SetTag("http.response.status_code", status.Value);
                if (errorType != null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error, outcome);
                }
                activity.Dispose();
            }
            if (Duration.Enabled)
            {
                var tags = new TagList
                {
                    { "upstash.operation", operation.Id },
                    { "upstash.outcome", outcome },
                    { "http.request.method", operation.Method.Method },
                };
                if (status.HasValue) tags.Add("http.response.status_code", status.Value);
                if (errorType != null) tags.Add("error.type", errorType);
                Duration.Record(started.Elapsed.TotalSeconds, tags);
            }
        }

        /// <summary>Notes a retry on the current call's span.</summary>
        public static void Retry(string reason, int attempt)
        {
            var activity = Activity.Current;
            if (activity == null || activity.Source != Source) return;
            activity.AddEvent(new ActivityEvent("upstash.retry", tags: new ActivityTagsCollection
            {
                ["upstash.retry.reason"] = reason,
                ["upstash.retry.attempt"] = attempt,
            }));
        }
    }
}
