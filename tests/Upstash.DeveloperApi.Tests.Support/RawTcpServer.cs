using System;
using System.Linq;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// A raw TCP server on 127.0.0.1 for the faults WireMock.Net cannot make: it accepts every connection,
    /// hands it to a script (drop, reset, stall, half a body…) and counts what actually arrived:
    /// connections accepted and HTTP request heads received.
    /// </summary>
    public sealed class RawTcpServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<RawConnection, Task> _script;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentBag<TcpClient> _clients = new();
        private int _connections;
        private int _requests;

        public RawTcpServer(Func<RawConnection, Task> script)
        {
            _script = script;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        /// <summary>A server that answers every request with 200 and <paramref name="json"/>, then closes the connection.</summary>
        public static RawTcpServer AnsweringJson(string json) => new(async connection =>
        {
            if (await connection.ReadRequestAsync() == null) return;
            var bytes = Encoding.UTF8.GetBytes(json);
            await connection.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
            await connection.WriteAsync(bytes);
            connection.Close();
        });

        /// <summary>A server that answers with a chunked 200 of JSON whose chunks <paramref name="writeBody"/> writes (given the connection and a way to send one chunk).</summary>
        public static RawTcpServer Chunked(Func<RawConnection, Func<string, Task>, Task> writeBody) => new(async connection =>
        {
            await connection.ReadRequestAsync();
            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            Task Chunk(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                return connection.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n").Concat(bytes).Concat(Encoding.ASCII.GetBytes("\r\n")).ToArray());
            }
            await writeBody(connection, Chunk);
        });

        public int Port { get; }

        public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

        /// <summary>TCP connections accepted.</summary>
        public int Connections => Volatile.Read(ref _connections);

        /// <summary>HTTP request heads received (a request line and its headers, up to the blank line).</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>The request heads received, in order.</summary>
        public ConcurrentQueue<string> RequestHeads { get; } = new();

        internal void CountRequest(string head)
        {
            Interlocked.Increment(ref _requests);
            RequestHeads.Enqueue(head);
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                Interlocked.Increment(ref _connections);
                client.NoDelay = true; // a script's small writes go out as written, not held back for an ACK
                _clients.Add(client);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await _script(new RawConnection(this, client, _stop.Token));
                    }
                    catch (Exception)
                    {
                        // a script ends however the client makes it end
                    }
                });
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (var client in _clients) client.Dispose();
        }
    }

    /// <summary>One accepted connection, as a script sees it.</summary>
    public sealed class RawConnection
    {
        private readonly RawTcpServer _server;

        internal RawConnection(RawTcpServer server, TcpClient client, CancellationToken stopping)
        {
            _server = server;
            Client = client;
            Stream = client.GetStream();
            Stopping = stopping;
        }

        public TcpClient Client { get; }

        public NetworkStream Stream { get; }

        public CancellationToken Stopping { get; }

        /// <summary>Reads one request head (and a body of its Content-Length); null when the client closed first or sent no HTTP.</summary>
        public async Task<string?> ReadRequestAsync()
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await Stream.ReadAsync(one, Stopping);
                if (read == 0) return null;
                head.Append((char)one[0]);
                if (head.Length == 8 && !IsHttpMethodStart(head.ToString())) return null; // a TLS hello, not HTTP
            }
            var text = head.ToString();
            _server.CountRequest(text);
            var length = ContentLength(text);
            var body = new byte[length];
            var got = 0;
            while (got < length)
            {
                var read = await Stream.ReadAsync(body.AsMemory(got), Stopping);
                if (read == 0) break;
                got += read;
            }
            return text;
        }

        public Task WriteAsync(string text) => Stream.WriteAsync(Encoding.ASCII.GetBytes(text), Stopping).AsTask();

        public Task WriteAsync(byte[] bytes) => Stream.WriteAsync(bytes, Stopping).AsTask();

        /// <summary>Closes politely (FIN).</summary>
        public void Close() => Client.Close();

        /// <summary>Closes with a TCP reset (RST).</summary>
        public void Reset()
        {
            Client.LingerState = new LingerOption(true, 0);
            Client.Close();
        }

        /// <summary>Keeps the connection open, sending nothing, until the server stops.</summary>
        public Task HoldAsync() => Task.Delay(Timeout.Infinite, Stopping);

        private static bool IsHttpMethodStart(string start)
        {
            foreach (var method in new[] { "GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD ", "OPTIONS " })
                if (method.StartsWith(start.Substring(0, Math.Min(start.Length, method.Length)), StringComparison.Ordinal) || start.StartsWith(method, StringComparison.Ordinal))
                    return true;
            return false;
        }

        private static int ContentLength(string head)
        {
            foreach (var line in head.Split("\r\n"))
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) && int.TryParse(line.Substring(15).Trim(), out var length))
                    return length;
            return 0;
        }
    }
}
