using System;
using System.Buffers;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    /// <summary>
    /// Transport faults on real sockets: a raw TCP server on 127.0.0.1 drops, resets, stalls and sends
    /// half a body, and counts the connections and requests that actually arrived.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    [Category("Reliability")]
    public sealed class RawSocketFaultTests
    {
        private static QStashClient Client(Uri baseAddress, HttpClient? http = null, int maxRetries = 2, TimeSpan? timeout = null) =>
            new(http ?? new HttpClient(), TestCredentials.Create(), new UpstashClientOptions
            {
                BaseAddress = baseAddress,
                MaxRetries = maxRetries,
                ConnectRetryDelay = TimeSpan.FromMilliseconds(10),
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
            });

        [TestCase("close")]
        [TestCase("reset")]
        public async Task A_rotation_whose_connection_drops_after_sending_goes_out_exactly_once(string how)
        {
            using var server = new RawTcpServer(async connection =>
            {
                await connection.ReadRequestAsync();
                if (how == "reset") connection.Reset(); else connection.Close();
            });
            using var client = Client(server.BaseAddress);

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashOutcomeUnknownException>()).Which;
            thrown.Reason.Should().Be(UpstashOutcomeUnknownReason.ConnectionLost);
            await Task.Delay(200);
            server.Connections.Should().Be(1, "a non-idempotent call that may have been processed is never repeated, by the client or by the .NET handler");
            server.Requests.Should().Be(1);
        }

        [Test]
        public async Task A_rotation_whose_answer_never_comes_times_out_as_outcome_unknown_after_one_request()
        {
            using var server = new RawTcpServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.HoldAsync();
            });
            using var client = Client(server.BaseAddress, timeout: TimeSpan.FromSeconds(1));

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashOutcomeUnknownException>()).Which;
            thrown.Reason.Should().Be(UpstashOutcomeUnknownReason.Timeout);
            server.Connections.Should().Be(1);
            server.Requests.Should().Be(1);
        }

        [TestCase("stall", TestName = "A rotation whose body stalls after the headers is unreadable at the timeout, after one request")]
        [TestCase("close", TestName = "A rotation whose body stops halfway and closes is unreadable, after one request")]
        public async Task A_rotation_whose_body_arrives_in_part_is_unreadable_and_sent_once(string then)
        {
            var body = Encoding.UTF8.GetBytes(Examples.ResetQStashTokenJson);
            using var server = new RawTcpServer(async connection =>
            {
                await connection.ReadRequestAsync();
                await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                await connection.WriteAsync(body.Take(body.Length / 2).ToArray());
                if (then == "close") connection.Close(); else await connection.HoldAsync();
            });
            using var client = Client(server.BaseAddress, timeout: TimeSpan.FromSeconds(1));

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashUnreadableResponseException>()).Which;
            thrown.Message.Should().Contain(then == "close" ? "connection broke" : "did not arrive within the timeout").And.Contain("rotated");
            thrown.StatusCode.Should().Be(200);
            thrown.GetRawResponseBody().Should().Be(Encoding.UTF8.GetString(body, 0, body.Length / 2),
                "the part that arrived may hold the only copy of the new token: it is kept, reachable from code");
            thrown.Message.Should().Contain("the part that arrived is kept").And.Contain("GetRawResponseBody()");
            await Task.Delay(200);
            server.Connections.Should().Be(1);
            server.Requests.Should().Be(1, "the server answered: the rotation happened and is never repeated");
        }

        [Test]
        public async Task A_failed_connect_of_any_kind_is_reported_as_not_sent()
        {
            // "No network" makes name resolution fail with EAI_AGAIN (SocketError.TryAgain), not HostNotFound.
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = (_, _) => throw new SocketException((int)SocketError.TryAgain),
            };
            using var client = Client(new Uri("http://127.0.0.1:9"), new HttpClient(handler), maxRetries: 0);

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConnectionException>()).Which;
            thrown.Message.Should().Contain("not sent").And.Contain("safe to retry");
        }

        [Test]
        public async Task A_host_name_that_does_not_resolve_is_not_sent_and_named()
        {
            using var client = Client(new Uri("https://upstash-test.invalid"), maxRetries: 0);

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConnectionException>()).Which;
            thrown.Message.Should().Contain("could not resolve the host name").And.Contain("not sent");
            thrown.InnerException!.Message.Should().Contain("NameResolutionError", "the inner exception says what failed, not only its type");
        }

        [Test]
        public async Task A_tls_handshake_that_fails_is_not_sent_and_named()
        {
            using var certificate = SelfSigned();
            using var server = new RawTcpServer(async connection =>
            {
                using var tls = new SslStream(connection.Stream);
                await tls.AuthenticateAsServerAsync(certificate);
                connection.Close();
            });
            using var client = Client(new Uri($"https://127.0.0.1:{server.Port}"), maxRetries: 0);

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConnectionException>()).Which;
            thrown.Message.Should().Contain("TLS").And.Contain("not sent");
            server.Requests.Should().Be(0);
        }

        [Test]
        public async Task Https_to_a_plain_http_port_is_not_sent_and_named()
        {
            using var server = new RawTcpServer(async connection =>
            {
                await connection.ReadRequestAsync(); // reads a TLS hello, which is not HTTP
                connection.Close();
            });
            using var client = Client(new Uri($"https://127.0.0.1:{server.Port}"), maxRetries: 0);

            var call = () => client.ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConnectionException>()).Which;
            thrown.Message.Should().Contain("TLS").And.Contain("not sent");
            server.Requests.Should().Be(0);
        }

        // Keep-alive server: a 500 that declares more bytes than it sends, then holds the connection.
        // "too large": 200,000 declared (over the 64 KiB read for error bodies), 70,000 sent; .NET drains
        // the rest of a disposed body for up to 2 s, so the second call gets the connection within its 3 s.
        // "stalls": 20,000 declared, 7,000 sent; the body read times out and the connection is closed.
        [TestCase(200_000, 70_000, 3.0)]
        [TestCase(20_000, 7_000, 1.0)]
        public async Task An_error_body_that_cannot_be_read_releases_its_connection(int declared, int sent, double timeoutSeconds)
        {
            using var server = new RawTcpServer(async connection =>
            {
                while (await connection.ReadRequestAsync() != null)
                {
                    await connection.WriteAsync($"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: {declared}\r\n\r\n");
                    await connection.WriteAsync(Enumerable.Repeat((byte)'x', sent).ToArray());
                    await connection.HoldAsync();
                }
            });
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });
            using var client = new QStashClient(http, TestCredentials.Create(), new UpstashClientOptions
            {
                BaseAddress = server.BaseAddress,
                Timeout = TimeSpan.FromSeconds(timeoutSeconds),
                MaxRetries = 0,
            });

            for (var i = 0; i < 2; i++)
            {
                var call = () => client.ResetQStashTokenAsync();
                var thrown = (await call.Should().ThrowAsync<UpstashApiException>()).Which;
                thrown.StatusCode.Should().Be(500, $"call {i + 1} got its answer: the connection was not kept by the call before");
            }
            server.Requests.Should().Be(2);
        }

        [Test]
        public async Task Cancelling_while_a_success_body_arrives_disposes_the_response()
        {
            var content = new StallingContent();
            var handler = new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
            using var client = new QStashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = new Uri("https://api.example.test") });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            var call = () => client.ResetQStashTokenAsync(cancel.Token);

            await call.Should().ThrowAsync<OperationCanceledException>();
            content.Disposed.Should().BeTrue("a response whose body read was cancelled is disposed, so its connection goes back to the pool");
        }

        /// <summary>A body that sends its first bytes and then nothing, and records whether it was disposed.</summary>
        private sealed class StallingContent : HttpContent
        {
            public bool Disposed { get; private set; }

            protected override Task SerializeToStreamAsync(System.IO.Stream stream, TransportContext? context) => throw new NotSupportedException();

            protected override Task<System.IO.Stream> CreateContentReadStreamAsync() => Task.FromResult<System.IO.Stream>(new StallingStream());

            protected override bool TryComputeLength(out long length)
            {
                length = 5000;
                return true;
            }

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }

            private sealed class StallingStream : System.IO.MemoryStream
            {
                private bool _sent;

                public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
                {
                    if (!_sent)
                    {
                        _sent = true;
                        buffer.Span[0] = (byte)'{';
                        return 1;
                    }
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    return 0;
                }

                public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                    ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
            }
        }

        [Test]
        [NonParallelizable]
        public async Task The_new_token_does_not_stay_in_the_shared_buffer_pool()
        {
            // Everything completes synchronously, so the body buffer is rented and returned on this thread,
            // and the next Rent of its size on this thread gets that very buffer back (the pool's
            // thread-local slot). Other sizes may come from buffers other code in this process returned.
            var json = Examples.ResetQStashTokenJson;
            var size = Encoding.UTF8.GetByteCount(json) + 1;
            // Empty this thread's slot for the size first, so that the client's buffer is the one it keeps.
            var held = ArrayPool<byte>.Shared.Rent(size);
            try
            {
                var handler = new StubHandler(_ => StubHandler.Json(json));
                using (var client = new QStashClient(new HttpClient(handler), TestCredentials.Create(), new UpstashClientOptions { BaseAddress = new Uri("https://api.example.test") }))
                {
                    var user = await client.ResetQStashTokenAsync();
                    (user.Token == Examples.Token).Should().BeTrue();
                }

                var token = Encoding.UTF8.GetBytes(Examples.Token);
                var buffer = ArrayPool<byte>.Shared.Rent(size);
                try
                {
                    buffer.AsSpan().IndexOf(token).Should().Be(-1, $"the buffer of {buffer.Length} bytes the client returned must not hold the token");
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(held);
            }
        }

        private static X509Certificate2 SelfSigned()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}
