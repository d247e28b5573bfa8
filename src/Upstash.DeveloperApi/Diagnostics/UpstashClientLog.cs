using System;
using Microsoft.Extensions.Logging;

namespace Upstash.DeveloperApi.Diagnostics
{
    /// <summary>The clients' log events (high-performance <see cref="LoggerMessage"/> delegates with stable ids).</summary>
    /// <remarks>
    /// They carry the operation, method, path template (<c>/redis/database/{id}</c>, never the filled-in path: ids and
    /// emails stay out), status, duration and retry count; never a header, a body, a token or a key.
    /// </remarks>
    internal sealed class UpstashClientLog
    {
        /// <summary>Event ids: stable, part of the public contract (README, "Logging").</summary>
        public static class Events
        {
            public static readonly EventId Responded = new EventId(4100, "UpstashResponded");
            public static readonly EventId Retrying = new EventId(4101, "UpstashRetrying");
            public static readonly EventId TransportFailed = new EventId(4102, "UpstashTransportFailed");
            public static readonly EventId CallFailed = new EventId(4103, "UpstashCallFailed");
            public static readonly EventId OptionsRejected = new EventId(4104, "UpstashOptionsRejected");
        }

        private static readonly Action<ILogger, string, string, string, int, double, int, Exception?> RespondedMessage =
            LoggerMessage.Define<string, string, string, int, double, int>(LogLevel.Information, Events.Responded,
                "Upstash {Operation} {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms after {Retries} retries");

        private static readonly Action<ILogger, string, string, string, string, int, Exception?> RetryingMessage =
            LoggerMessage.Define<string, string, string, string, int>(LogLevel.Warning, Events.Retrying,
                "Upstash {Operation} {Method} {Path}: {Reason}; retry {Attempt}");

        private static readonly Action<ILogger, string, string, string, string, double, int, Exception?> TransportFailedMessage =
            LoggerMessage.Define<string, string, string, string, double, int>(LogLevel.Error, Events.TransportFailed,
                "Upstash {Operation} {Method} {Path} failed ({Reason}) after {ElapsedMs:0.0} ms and {Retries} retries");

        private static readonly Action<ILogger, string, string, int?, Exception?> CallFailedMessage =
            LoggerMessage.Define<string, string, int?>(LogLevel.Error, Events.CallFailed,
                "Upstash {Operation} failed: {ErrorKind} (status {StatusCode})");

        private static readonly Action<ILogger, string, Exception?> OptionsRejectedMessage =
            LoggerMessage.Define<string>(LogLevel.Error, Events.OptionsRejected,
                "Upstash options were reloaded with invalid values, so the last valid options stay in use: {Failures}");

        private readonly ILogger _logger;

        public UpstashClientLog(ILogger logger) => _logger = logger;

        public void Responded(Operations.ApiOperation operation, int status, TimeSpan elapsed, int retries)
        {
            if (_logger.IsEnabled(LogLevel.Information))
                RespondedMessage(_logger, operation.Id, operation.Method.Method, operation.PathTemplate, status, elapsed.TotalMilliseconds, retries, null);
        }

        public void Retrying(Operations.ApiOperation operation, string reason, int attempt) =>
            RetryingMessage(_logger, operation.Id, operation.Method.Method, operation.PathTemplate, reason, attempt, null);

        public void TransportFailed(Operations.ApiOperation operation, string reason, TimeSpan elapsed, int retries) =>
            TransportFailedMessage(_logger, operation.Id, operation.Method.Method, operation.PathTemplate, reason, elapsed.TotalMilliseconds, retries, null);

        /// <summary>Logs a typed failure.</summary>
        /// <remarks>The exception object is not passed to the logger: only its kind and status are.</remarks>
        public void CallFailed(UpstashApiException exception) =>
            CallFailedMessage(_logger, exception.Operation, exception.Kind.ToString(), exception.StatusCode, null);

        /// <summary>Logs a reload whose options failed validation; <paramref name="failures"/> name the settings, never a value of the key.</summary>
        public void OptionsRejected(string failures) => OptionsRejectedMessage(_logger, failures, null);
    }
}
