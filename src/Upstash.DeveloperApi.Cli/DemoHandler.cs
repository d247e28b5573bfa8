using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// The service of <c>--demo</c>, in process: an <see cref="HttpMessageHandler"/> that answers every operation of the
    /// embedded API document with the document's example (assembled from its property examples, as the reference pages
    /// show it), at the path the real client calls.
    /// </summary>
    /// <remarks>
    /// No socket is opened and no test server is shipped; the client above it is the real one, so a demo runs every rule
    /// a real call runs (auth header, reading, masking).
    /// </remarks>
    public sealed class DemoHandler : HttpMessageHandler
    {
        /// <summary>The address the demo's clients send to (never connected to: this handler answers).</summary>
        public static readonly Uri BaseAddress = new("http://127.0.0.1:9/");

        /// <summary>The demo's made-up credentials.</summary>
        public static UpstashCredentials Credentials => new("demo@example.com", "demo-api-key");

        private readonly List<Route> _routes;
        private readonly List<(string Method, string Path)> _requests = new();

        /// <summary>Answers with the examples of the embedded document.</summary>
        public DemoHandler() : this(EmbeddedDocument.Load())
        {
        }

        /// <summary>Answers with the examples of <paramref name="document"/>.</summary>
        /// <param name="document">The API document whose examples are served.</param>
        public DemoHandler(NSwag.OpenApiDocument document)
        {
            _routes = new List<Route>();
            foreach (var op in document.Operations)
            {
                var example = ExampleAssembler.SuccessResponse(op.Operation, out var status);
                if (example == null) continue;
                var prefix = new Uri(OpenApiParts.ServerUrl(document, document.Paths[op.Path], op.Operation)).AbsolutePath.TrimEnd('/');
                _routes.Add(new Route(op.Method.ToUpperInvariant(), Segments(prefix + op.Path), (HttpStatusCode)int.Parse(status), example.ToString(Formatting.None)));
            }
        }

        /// <summary>The requests answered so far (method and path), in order.</summary>
        public IReadOnlyList<(string Method, string Path)> Requests
        {
            get { lock (_requests) return _requests.ToList(); }
        }

        /// <inheritdoc/>
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = request.RequestUri!.AbsolutePath;
            lock (_requests) _requests.Add((request.Method.Method, path));
            var (status, body) = Answer(request.Method.Method, path);
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
            return Task.FromResult(response);
        }

        /// <summary>
        /// The answer to <paramref name="method"/> <paramref name="path"/>: the example of the operation whose path
        /// template matches (a path without parameters, /search/stats, wins over one whose parameter would match
        /// it, /search/{id}), or a 404 with an error body.
        /// </summary>
        /// <param name="method">The HTTP method, upper case.</param>
        /// <param name="path">The request's path, from the host root.</param>
        public (HttpStatusCode Status, string Body) Answer(string method, string path)
        {
            var segments = Segments(path);
            var route = _routes.Where(r => r.Method == method && r.Matches(segments)).OrderBy(r => r.Parameters).FirstOrDefault();
            return route == null ? (HttpStatusCode.NotFound, "{\"error\":\"the demo has no example for this request\"}") : (route.Status, route.Body);
        }

        private static string[] Segments(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        private sealed class Route
        {
            private readonly string[] _template;

            public Route(string method, string[] template, HttpStatusCode status, string body)
            {
                Method = method;
                _template = template;
                Status = status;
                Body = body;
                Parameters = template.Count(IsParameter);
            }

            public string Method { get; }

            public HttpStatusCode Status { get; }

            public string Body { get; }

            public int Parameters { get; }

            public bool Matches(string[] segments) =>
                segments.Length == _template.Length && _template.Zip(segments, (t, s) => IsParameter(t) || string.Equals(t, s, StringComparison.Ordinal)).All(m => m);

            private static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);
        }
    }
}
