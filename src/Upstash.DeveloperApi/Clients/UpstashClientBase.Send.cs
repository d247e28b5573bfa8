using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Secrets;
using Upstash.DeveloperApi.Serialization;

namespace Upstash.DeveloperApi
{
    // Every generated operation's call, in the order it goes:
    //   1. the operation's URI, from its server and the base address         (Http/OperationUris.cs)
    //   2. credentials only over https, or http to loopback                  (Http/TransportSecurity.cs)
    //   3. HTTP Basic auth                                                   (UpstashCredentials.cs)
    //   4. the span and the duration metric of the call                      (Diagnostics/UpstashTelemetry.cs)
    //   5. the transport's stages, composed once                             (Http/UpstashPipeline.cs)
    //   6. every status the document does not list as a success -> a typed exception (Http/StatusErrors.cs)
    //   7. the tolerant reader, by the shape of the result                   (Serialization/ResponseReader.cs)
    public abstract partial class UpstashClientBase
    {
        private OperationUris? _uris;

        /// <summary>Sends the request of <paramref name="operation"/> and reads its result as <typeparamref name="T"/>.</summary>
        private protected async Task<T> SendAsync<T>(ApiOperation operation, HttpRequestMessage request, string relativeUrl, CancellationToken cancellationToken)
        {
            // Lists and models are read as they arrive, with no size limit; a response that carries new
            // credentials is buffered and bounded, so that its raw body stays reachable when it cannot be read.
            var stream = ResponseReader.CanStream<T>() && !operation.IssuesCredentials;
            var (message, span) = Begin(operation, request, relativeUrl, stream, cancellationToken);
            int? status = null;
            try
            {
                await _context.Pipeline.SendAsync(message).ConfigureAwait(false);
                using var response = message.Response!;
                status = (int)response.StatusCode;
                EnsureSuccess(message);
                var result = ResponseReader.Read<T>(operation, response, _context.Log, cancellationToken);
                span.End(status, null);
                return result;
            }
            catch (Exception ex)
            {
                span.End(status, ex);
                throw;
            }
        }

        /// <summary>
        /// Sends the request of an operation that returns no result (an acknowledgement: the document's
        /// <c>"OK"</c>, an empty body or plain <c>OK</c>, whichever comes) and returns its status and headers.
        /// </summary>
        private protected async Task<UpstashResponse> SendAsync(ApiOperation operation, HttpRequestMessage request, string relativeUrl, CancellationToken cancellationToken)
        {
            var (message, span) = Begin(operation, request, relativeUrl, streamBody: false, cancellationToken);
            try
            {
                await _context.Pipeline.SendAsync(message).ConfigureAwait(false);
                using var response = message.Response!;
                EnsureSuccess(message);
                var status = (int)response.StatusCode;
                var result = UpstashResponse.From(response, AcknowledgementIssues(operation, status, response.Content as BufferedContent));
                span.End(status, null);
                return result;
            }
            catch (Exception ex)
            {
                span.End(null, ex);
                throw;
            }
        }

        /// <summary>Steps 1 to 4 of a call: its URI, transport security and credentials (<see cref="Prepare"/>), its message for the pipeline, and its span.</summary>
        private (UpstashMessage Message, Diagnostics.CallSpan Span) Begin(ApiOperation operation, HttpRequestMessage request, string relativeUrl, bool streamBody, CancellationToken cancellationToken)
        {
            var uri = Prepare(operation, request, relativeUrl, out var http, out var settings);
            var span = Diagnostics.CallSpan.Start(operation, uri);
            return (new UpstashMessage(operation, request, http, settings.Options, streamBody, cancellationToken), span);
        }

        /// <summary>What an acknowledgement's answer has that the document does not describe: a status it does not list, a body other than "OK" (never quoted).</summary>
        private static List<string>? AcknowledgementIssues(ApiOperation operation, int status, BufferedContent? body)
        {
            List<string>? issues = null;
            if (!operation.IsSuccess(status)) (issues ??= new List<string>()).Add($"the status was {status}, which the API document does not list for this operation.");
            var text = body?.Length is > 0 and <= 64 ? body.Text().Trim() : body?.Length > 64 ? "(long)" : string.Empty;
            if (text.Length > 0 && text != "OK" && text != "\"OK\"")
                (issues ??= new List<string>()).Add($"the body ({body!.Length} bytes{(body.MediaType == null ? string.Empty : ", " + Redaction.SanitizeServerText(body.MediaType, null, 60))}) is not the acknowledgement the API document describes (\"OK\"); it was not read.");
            return issues;
        }

        /// <summary>Steps 1 to 3: the URI, the transport check, the credentials.</summary>
        private Uri Prepare(ApiOperation operation, HttpRequestMessage request, string relativeUrl, out HttpClient http, out ClientSettings settings)
        {
            settings = _context.Settings;
            http = _context.HttpClient;
            var uri = Uris(settings, http, operation).Resolve(operation, relativeUrl);
            TransportSecurity.Ensure(uri, operation);
            request.RequestUri = uri;
            var credentials = settings.Credentials ?? throw new UpstashConfigurationException(
                $"{operation.Id}: the client has no credentials. Create it with credentials; " +
                $"UpstashCredentials.FromEnvironment() reads {UpstashCredentials.EmailVariable} and {UpstashCredentials.ApiKeyVariable}.");
            request.Headers.Authorization = credentials.AuthorizationHeader;
            return uri;
        }

        /// <summary>
        /// Step 5: every status that is not a success becomes its exception (the response is disposed by the caller).
        /// </summary>
        /// <remarks>
        /// A 2xx the document does not list goes on to the reader, which keeps the result when the body reads as the
        /// documented one and says so in its ReadIssues.
        /// </remarks>
        private void EnsureSuccess(UpstashMessage message)
        {
            var (operation, response) = (message.Operation, message.Response!);
            var status = (int)response.StatusCode;
            if (operation.IsSuccess(status) || (status >= 200 && status < 300)) return;
            var exception = StatusErrors.Create(operation, response, message.Retries);
            _context.Log?.CallFailed(exception);
            throw exception;
        }

        /// <summary>The URI builder for the base address that applies now: the options', else the HttpClient's.</summary>
        private OperationUris Uris(ClientSettings settings, HttpClient http, ApiOperation operation)
        {
            var baseAddress = settings.Options.BaseAddress ?? OperationUris.FromHttpClient(http.BaseAddress, operation);
            var uris = _uris;
            if (uris == null || !Equals(uris.BaseAddress, baseAddress)) _uris = uris = new OperationUris(baseAddress);
            return uris;
        }
    }
}
