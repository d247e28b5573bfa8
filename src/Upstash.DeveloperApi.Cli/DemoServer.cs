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

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// The --demo server: WireMock.Net on 127.0.0.1, answering every operation of the embedded API
    /// document with its documented example, at the path the real client calls.
    /// </summary>
    public sealed class DemoServer : IDisposable
    {
        private readonly WireMockServer _server;

        private DemoServer(WireMockServer server) => _server = server;

        /// <summary>Where the server listens.</summary>
        public Uri BaseAddress => new($"http://127.0.0.1:{_server.Port}");

        /// <summary>Starts the server with the embedded document's examples.</summary>
        public static DemoServer Start()
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
            var document = EmbeddedDocument.Load();
            foreach (var op in document.Operations)
            {
                var prefix = new Uri(OpenApiParts.ServerUrl(document, document.Paths[op.Path], op.Operation)).AbsolutePath.TrimEnd('/');
                var ok = op.Operation.ActualResponses.FirstOrDefault(r => r.Key.StartsWith('2'));
                if (ok.Value?.Content == null || !ok.Value.Content.TryGetValue("application/json", out var media)) continue;
                var examples = OpenApiParts.ExamplesOf(media).ToList();
                if (examples.Count == 0) continue;
                server.Given(Request.Create().WithPath(prefix + op.Path).UsingMethod(op.Method.ToUpperInvariant()))
                      .RespondWith(Response.Create().WithStatusCode(int.Parse(ok.Key))
                          .WithHeader("Content-Type", "application/json")
                          .WithBody(examples[0].Value.ToString(Formatting.None)));
            }
            return new DemoServer(server);
        }

        /// <summary>Stops the server.</summary>
        public void Dispose()
        {
            _server.Stop();
            _server.Dispose();
        }
    }

    /// <summary>The API document the CLI was built with (openapi/openapi.yml, embedded).</summary>
    public static class EmbeddedDocument
    {
        /// <summary>Loads it with typed examples.</summary>
        public static NSwag.OpenApiDocument Load() => LoadFrom(null);

        /// <summary>Loads the file at <paramref name="path"/>, or the embedded document when it is null.</summary>
        public static NSwag.OpenApiDocument LoadFrom(string? path)
        {
            if (path != null) return OpenApiYaml.LoadAsync(path).GetAwaiter().GetResult();
            using var stream = typeof(EmbeddedDocument).Assembly.GetManifestResourceStream("openapi.yml")
                ?? throw new InvalidOperationException("The API document is not embedded in this build.");
            using var reader = new StreamReader(stream);
            return OpenApiYaml.LoadAsync(reader, "openapi.yml (embedded)").GetAwaiter().GetResult();
        }
    }
}
