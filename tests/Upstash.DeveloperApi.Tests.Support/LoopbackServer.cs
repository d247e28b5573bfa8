using System;
using System.Net;
using System.Net.Sockets;
using WireMock.Server;
using WireMock.Settings;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>A WireMock.Net server bound to 127.0.0.1 only.</summary>
    public static class LoopbackServer
    {
        public static WireMockServer Start()
        {
            var settings = new WireMockServerSettings { Urls = new[] { $"http://127.0.0.1:{FreePort()}" }, StartAdminInterface = false };
            return WireMockServer.Start(settings);
        }

        /// <summary>A server that answers the token reset's path with <paramref name="status"/> and <paramref name="body"/> (default: the document's example).</summary>
        public static WireMockServer AnsweringTokenReset(int status = 200, string? body = null, string contentType = "application/json")
        {
            var server = Start();
            server.Given(WireMock.RequestBuilders.Request.Create().UsingPost().WithPath("/qstash/user/rotatetoken"))
                  .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body ?? Examples.ResetQStashTokenJson));
            return server;
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public static Uri BaseAddress(this WireMockServer server) => new($"http://127.0.0.1:{server.Port}");
    }
}
