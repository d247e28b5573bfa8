using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Secrets;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Upstash.DeveloperApi.Tests.Integration
{
    /// <summary>
    /// Spans and metrics for every operation, ready for OpenTelemetry: every span and measurement the
    /// contract suite makes is captured, checked for its attributes, and searched for every secret.
    /// </summary>
    [TestFixture]
    [NonParallelizable] // listeners are process-wide: nothing else may make spans meanwhile
    public sealed class TelemetryTests
    {
        private sealed class Capture : IDisposable
        {
            private readonly ActivityListener _spans;
            private readonly MeterListener _meters = new();

            public Capture()
            {
                _spans = new ActivityListener
                {
                    ShouldListenTo = source => source.Name == UpstashDiagnostics.ActivitySourceName,
                    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                    ActivityStopped = activity => Spans.Enqueue(activity),
                };
                ActivitySource.AddActivityListener(_spans);
                _meters.InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == UpstashDiagnostics.MeterName) listener.EnableMeasurementEvents(instrument);
                };
                _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
                    Measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
                _meters.Start();
            }

            public ConcurrentQueue<Activity> Spans { get; } = new();

            public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

            /// <summary>Everything an exporter could write: names, tags, events, statuses, measurement tags.</summary>
            public string AllText() => string.Join("\n",
                Spans.Select(s => string.Join(" ", new[] { s.OperationName, s.DisplayName, s.StatusDescription ?? string.Empty }
                    .Concat(s.TagObjects.Select(t => t.Key + "=" + t.Value))
                    .Concat(s.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(t => t.Key + "=" + t.Value))))))
                .Concat(Measurements.Select(m => m.Instrument + " " + string.Join(" ", m.Tags.Select(t => t.Key + "=" + t.Value)))));

            public void Dispose()
            {
                _spans.Dispose();
                _meters.Dispose();
            }
        }

        [Test]
        public async Task The_contract_suite_makes_one_span_and_one_measurement_per_call_without_a_secret()
        {
            using var capture = new Capture();
            var calls = 0;
            foreach (var operation in SpecDocument.Operations)
            {
                (await ContractRunner.ReplayAsync(LibraryUnderTest.Referenced, operation)).Should().BeEmpty();
                (await ContractRunner.ErrorStatusesAsync(LibraryUnderTest.Referenced, operation)).Should().BeEmpty();
                calls += 12; // one replay and eleven error statuses
            }

            capture.Spans.Should().HaveCount(calls);
            capture.Measurements.Should().HaveCount(calls).And.OnlyContain(m => m.Instrument == UpstashDiagnostics.DurationInstrumentName && m.Value >= 0);
            foreach (var span in capture.Spans)
            {
                span.Kind.Should().Be(ActivityKind.Client);
                span.DisplayName.Should().Be((string)span.GetTagItem("upstash.operation")!, "the span is named after the operation");
                span.GetTagItem("http.request.method").Should().NotBeNull();
                span.GetTagItem("server.address").Should().BeOneOf("127.0.0.1", "api.upstash.com"); // WireMock, or the document's server (in-memory answers)
                ((string)span.GetTagItem("url.template")!).Should().StartWith("/");
                span.GetTagItem("http.response.status_code").Should().NotBeNull();
            }
            capture.Spans.Count(s => s.Status == ActivityStatusCode.Error).Should().Be(SpecDocument.Operations.Count() * 11);
            capture.Spans.Where(s => s.Status == ActivityStatusCode.Error).Should().OnlyContain(s => s.GetTagItem("error.type") != null);
            capture.Measurements.Select(m => (string)m.Tags["upstash.outcome"]!).Distinct().Should().Contain(new[] { "success", "Authentication", "NotFound", "OutcomeUnknown", "ServerError" });
            capture.Measurements.Select(m => (string)m.Tags["upstash.operation"]!).Distinct().Should().HaveCount(SpecDocument.Operations.Count());

            capture.AllText().ShouldNotContainAny(Secrets(), "a span or a measurement");
        }

        [Test]
        public async Task A_retry_is_an_event_of_the_call_s_span()
        {
            using var capture = new Capture();
            using var api = LoopbackServer.Start();
            api.Given(Request.Create().UsingAnyMethod()).InScenario("retry").WillSetStateTo("answered")
               .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));
            api.Given(Request.Create().UsingAnyMethod()).InScenario("retry").WhenStateIs("answered")
               .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Examples.ResetQStashTokenJson));
            using var client = new QStashClient(new HttpClient(), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = api.BaseAddress() });

            await client.ResetQStashTokenAsync();

            var span = capture.Spans.Should().ContainSingle().Subject;
            span.DisplayName.Should().Be(SpecDocument.Seed.Id);
            var retry = span.Events.Should().ContainSingle().Subject;
            retry.Name.Should().Be("upstash.retry");
            retry.Tags.Should().Contain(new KeyValuePair<string, object?>("upstash.retry.reason", "429")).And.Contain(new KeyValuePair<string, object?>("upstash.retry.attempt", 1));
            span.GetTagItem("http.response.status_code").Should().Be(200);
            capture.AllText().ShouldNotContainAny(Secrets(), "a span or a measurement");
        }

        /// <summary>The key, the Authorization value and every secret-named value of every example the suite served.</summary>
        private static IEnumerable<string> Secrets()
        {
            yield return TestCredentials.ApiKey;
            yield return TestCredentials.ExpectedAuthorization().Substring(6);
            foreach (var operation in SpecDocument.Operations)
                if (ExampleAssembler.SuccessResponse(operation.Operation, out _) is JContainer example)
                    foreach (var field in example.DescendantsAndSelf().OfType<JProperty>().Where(p => SecretNames.IsSecret(p.Name) && p.Value.Type == JTokenType.String))
                        yield return (string)field.Value!;
        }
    }
}
