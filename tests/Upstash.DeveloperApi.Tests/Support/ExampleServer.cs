using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json;
using Upstash.DeveloperApi.SpecTools;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// WireMock.Net on 127.0.0.1, answering every operation of an API document with its example (assembled
    /// from the document's property examples, as the reference pages show it), at the path the real client
    /// calls: a service for the tests of commands that send their own requests (verify-contract). The CLI's
    /// --demo answers the same way in process (<see cref="Upstash.DeveloperApi.Cli.DemoHandler"/>).
    /// </summary>
    public sealed class ExampleServer : IDisposable
    {
        private readonly WireMockServer _server;

        private ExampleServer(WireMockServer server) => _server = server;

        /// <summary>Where the server listens.</summary>
        public Uri BaseAddress => new($"http://127.0.0.1:{_server.Port}");

        /// <summary>The requests the server received (method and path), in order.</summary>
        public System.Collections.Generic.IReadOnlyList<(string Method, string Path)> Requests =>
            _server.LogEntries.Select(e => (e.RequestMessage.Method, new Uri(e.RequestMessage.Url).AbsolutePath)).ToList();

        /// <summary>Starts the server with the embedded document's examples.</summary>
        public static ExampleServer Start() => Start(Upstash.DeveloperApi.Cli.EmbeddedDocument.Load());

        /// <summary>Starts the server with the examples of <paramref name="document"/> (a later revision, say, to try drift checks against).</summary>
        public static ExampleServer Start(NSwag.OpenApiDocument document)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var server = WireMockServer.Start(new WireMockServerSettings
            {
                Urls = new[] { $"http://127.0.0.1:{port}" },
                Logger = new WireMockNullLogger(),
                StartAdminInterface = false,
            });
            foreach (var op in document.Operations)
            {
                var prefix = new Uri(OpenApiParts.ServerUrl(document, document.Paths[op.Path], op.Operation)).AbsolutePath.TrimEnd('/');
                var example = ExampleAssembler.SuccessResponse(op.Operation, out var status);
                if (example == null) continue;
                var path = System.Text.RegularExpressions.Regex.Replace(prefix + op.Path, "\\{[^}]+\\}", "*");
                // A path without parameters (/search/stats) wins over one whose parameter would match it (/search/*).
                server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(path)).UsingMethod(op.Method.ToUpperInvariant()))
                      .AtPriority(path.Contains('*') ? 10 : 1)
                      .RespondWith(Response.Create().WithStatusCode(int.Parse(status))
                          .WithHeader("Content-Type", "application/json")
                          .WithBody(example.ToString(Formatting.None)));
            }
            return new ExampleServer(server);
        }

        /// <summary>Stops the server.</summary>
        public void Dispose()
        {
            _server.Stop();
            _server.Dispose();
        }
    }
}
