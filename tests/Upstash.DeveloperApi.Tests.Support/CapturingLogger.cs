using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>Keeps every log line, with its event id and structured values, so tests can search them for secrets.</summary>
    public sealed class CapturingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            Entries.Enqueue((logLevel, eventId, formatter(state, exception), values.ToList(), exception));
        }

        /// <summary>Everything a log sink could write: messages, values and exceptions.</summary>
        public string AllText() => string.Join("\n", Entries.Select(e =>
            e.Message + " " + string.Join(" ", e.Values.Select(v => v.Key + "=" + v.Value)) + " " + e.Exception));
    }
}
