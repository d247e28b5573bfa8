using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Upstash.DeveloperApi.Clients;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The base of every generated client (<c>QStashClient</c>, <c>RedisClient</c>…; nswag.json names it as
    /// <c>clientBaseClass</c>).
    /// </summary>
    /// <remarks>
    /// It holds what a client is configured with; its other parts apply every concern of a call, once, for every
    /// operation: see <c>UpstashClientBase.Send.cs</c>.
    /// Thread-safe: share one instance. Its settings are fixed when it is made: nothing on a shared client can be
    /// changed under another caller. To rotate the API key, register the clients with <c>AddUpstashDeveloperApi</c>
    /// (a reloaded <c>Upstash:ApiKey</c> reaches the next call through the options monitor), or make a new client.
    /// You do not derive from it; the generated clients do.
    /// </remarks>
    public abstract partial class UpstashClientBase : IDisposable
    {
        private readonly UpstashClientContext _context;
        private readonly bool _ownsContext;

        private protected UpstashClientBase(HttpClient httpClient, UpstashCredentials credentials, UpstashClientOptions? options, ILogger? logger)
            : this(UpstashClientContext.Create(
                httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false,
                credentials ?? throw new ArgumentNullException(nameof(credentials)), options, logger), ownsContext: true)
        {
        }

        private protected UpstashClientBase(UpstashCredentials credentials, UpstashClientOptions? options, ILogger? logger)
            : this(UpstashClientContext.CreateOwn(credentials ?? throw new ArgumentNullException(nameof(credentials)), options, logger), ownsContext: true)
        {
        }

        private protected UpstashClientBase(UpstashClientContext context)
            : this(context, ownsContext: false)
        {
        }

        private UpstashClientBase(UpstashClientContext context, bool ownsContext)
        {
            _context = context;
            _ownsContext = ownsContext;
        }

        /// <summary>Releases the <see cref="HttpClient"/> if the client created it; one passed in stays open, and a client of an <see cref="UpstashClient"/> leaves that to it.</summary>
        public void Dispose()
        {
            Dispose(disposing: true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases what the client owns; the standard dispose pattern, for the generated partial clients.</summary>
        /// <param name="disposing">True from <see cref="Dispose()"/>; false from a finalizer (there is none).</param>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing && _ownsContext) _context.Dispose();
        }
    }
}
