using System;
using System.Net.Http;
using System.Threading;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// One call as it goes through the pipeline: the facts it starts with (the operation, the request, the options,
    /// whether to stream the body) and what the stages learn on the way (the attempt's token, the retries, the response,
    /// why an attempt failed).
    /// </summary>
    /// <remarks>Stages read and write it; nothing travels in the request's properties.</remarks>
    internal sealed class UpstashMessage
    {
        public UpstashMessage(ApiOperation operation, HttpRequestMessage request, HttpClient http, UpstashClientOptions options, bool streamBody, CancellationToken cancellationToken)
        {
            Operation = operation;
            Request = request;
            Http = http;
            Options = options;
            StreamBody = streamBody;
            CancellationToken = cancellationToken;
            AttemptToken = cancellationToken;
        }

        /// <summary>What is called: its rules (may it be repeated? does it issue credentials?) and its name in messages.</summary>
        public ApiOperation Operation { get; }

        /// <summary>The request of the current attempt (a fresh copy for each retry).</summary>
        public HttpRequestMessage Request { get; set; }

        /// <summary>Sends the requests.</summary>
        public HttpClient Http { get; }

        /// <summary>The timeout, retries and limits that apply.</summary>
        public UpstashClientOptions Options { get; }

        /// <summary>Whether a success body is read as it arrives (lists, models) rather than buffered within <see cref="UpstashClientOptions.MaxResponseBytes"/>.</summary>
        public bool StreamBody { get; }

        /// <summary>The caller's cancellation.</summary>
        public CancellationToken CancellationToken { get; }

        /// <summary>The current attempt's token: the caller's cancellation and the attempt's timeout (set by <see cref="AttemptTimeoutStage"/>).</summary>
        public CancellationToken AttemptToken { get; set; }

        /// <summary>How many times the request was repeated so far.</summary>
        public int Retries { get; set; }

        /// <summary>The response, its body buffered or open for streaming; null until one arrived.</summary>
        public HttpResponseMessage? Response { get; set; }

        /// <summary>Whether the body was opened for streaming (the attempt's token is then still in use).</summary>
        public bool BodyStreamed { get; set; }

        /// <summary>Why the transport failed, for the log (<c>timeout</c>, <c>connection lost</c>, <c>connection refused</c>…); null when it did not.</summary>
        public string? TransportFailure { get; set; }

        /// <summary>Started with the call, for the log's durations.</summary>
        public Diagnostics.ValueStopwatch Started { get; } = Diagnostics.ValueStopwatch.StartNew();
    }
}
