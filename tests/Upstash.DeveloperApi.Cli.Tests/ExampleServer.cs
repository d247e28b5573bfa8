using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>
    /// WireMock.Net on 127.0.0.1, answering every operation of an API document with its example, as the CLI's
    /// in-process demo does (<see cref="Upstash.DeveloperApi.Cli.DemoHandler.Answer"/> decides each answer): a
    /// service on a real socket for the tests of commands that send their own requests (verify-contract).
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
            // The CLI's demo service decides every answer; this server only puts it on a socket.
            var answers = new Upstash.DeveloperApi.Cli.DemoHandler(document);
            server.Given(Request.Create().UsingAnyMethod())
                  .RespondWith(Response.Create().WithCallback(request =>
                  {
                      var (status, body) = answers.Answer(request.Method.ToUpperInvariant(), new Uri(request.Url).AbsolutePath);
                      return new WireMock.ResponseMessage
                      {
                          StatusCode = (int)status,
                          Headers = new System.Collections.Generic.Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                          BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String },
                      };
                  }));
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
