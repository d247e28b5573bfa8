using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// A failure that proves the request was never sent: the name did not resolve, the connection was not made, or the
    /// TLS handshake failed.
    /// </summary>
    /// <remarks>
    /// Anything else that breaks a connection may have happened after the request left, so <see cref="Classify"/> returns
    /// null for it.
    /// </remarks>
    internal sealed class ConnectFailure
    {
        private ConnectFailure(string reason, string description, string advice, bool retryable, Exception safeInner)
        {
            Reason = reason;
            Description = description;
            Advice = advice;
            Retryable = retryable;
            SafeInner = safeInner;
        }

        /// <summary>A short name for logs: "name not resolved", "connection refused", "tls failed"…</summary>
        public string Reason { get; }

        /// <summary>What happened, for the exception message.</summary>
        public string Description { get; }

        /// <summary>What to check.</summary>
        public string Advice { get; }

        /// <summary>Whether waiting can help (a TLS failure does not go away by itself).</summary>
        public bool Retryable { get; }

        /// <summary>An inner exception that names the failure without quoting the original message.</summary>
        public Exception SafeInner { get; }

        /// <summary>The kind of connect failure, or null when the request may have been sent.</summary>
        public static ConnectFailure? Classify(HttpRequestException exception, Uri? target)
        {
            var where = target == null ? "the Upstash API" : $"{target.Host}:{target.Port}";
            var socketError = FindSocketError(exception);
            var detail = "SocketError=" + (socketError?.ToString() ?? "none");
#if NET8_0_OR_GREATER
            detail = "HttpRequestError=" + exception.HttpRequestError + ", " + detail;
            switch (exception.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    return NameNotResolved(where, detail);
                case HttpRequestError.SecureConnectionError:
                    return TlsFailed(where, detail);
                case HttpRequestError.ConnectionError:
                    return NotConnected(where, socketError, detail);
                case HttpRequestError.ProxyTunnelError:
                    return new ConnectFailure("proxy refused", $"the proxy refused to open a tunnel to {where}", "Check the proxy settings.", true, Inner(detail));
            }
#endif
            // Platforms without HttpRequestError: judge by the socket error and the TLS exception.
            if (socketError is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData)
                return NameNotResolved(where, detail);
            if (socketError is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown)
                return NotConnected(where, socketError, detail);
            for (Exception? e = exception; e != null; e = e.InnerException)
                if (e is AuthenticationException) return TlsFailed(where, detail);
            return null;
        }

        private static ConnectFailure NameNotResolved(string where, string detail) =>
            new("name not resolved", $"could not resolve the host name of {where}", "Check the network (DNS) and the base address.", true, Inner(detail));

        private static ConnectFailure TlsFailed(string where, string detail) =>
            new("tls failed", $"the TLS handshake with {where} failed (a certificate this machine does not trust, or a server that does not speak https on that port)",
                "Check the base address (https, host and port) and the machine's trusted certificates.", false, Inner(detail));

        private static ConnectFailure NotConnected(string where, SocketError? socketError, string detail) =>
            new(socketError == SocketError.ConnectionRefused ? "connection refused" : "could not connect",
                $"could not connect to {where}" + (socketError == SocketError.ConnectionRefused ? " (connection refused)" : socketError.HasValue ? $" ({socketError})" : string.Empty),
                "Check the network and the base address.", true, Inner(detail));

        private static Exception Inner(string detail) => new RedactedException(typeof(HttpRequestException), detail);

        private static SocketError? FindSocketError(Exception exception)
        {
            for (Exception? e = exception; e != null; e = e.InnerException)
                if (e is SocketException socket) return socket.SocketErrorCode;
            return null;
        }
    }
}
