using System;
using System.Collections.Concurrent;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>The absolute URI of each call.</summary>
    /// <remarks>
    /// NSwag knows only the document-level server (<c>https://api.upstash.com/v2</c>); OpenAPI lets a path or an
    /// operation name its own, as the token reset does (<c>https://api.upstash.com</c>), and the generated table gives
    /// each operation the one that applies. A base address, when set, replaces scheme, host and port (and adds its path
    /// as a prefix); each operation keeps its server's path.
    /// </remarks>
    internal sealed class OperationUris
    {
        private readonly ConcurrentDictionary<ApiOperation, Entry> _entries = new();

        public OperationUris(Uri? baseAddress) => BaseAddress = baseAddress;

        /// <summary>The base address these URIs are built for (null: the document's servers).</summary>
        public Uri? BaseAddress { get; }

        /// <summary>The absolute URI for <paramref name="relativeUrl"/> (the operation's path, parameters filled in and escaped).</summary>
        public Uri Resolve(ApiOperation operation, string relativeUrl)
        {
            if (!_entries.TryGetValue(operation, out var entry))
                entry = _entries.GetOrAdd(operation, new Entry(Prefix(operation)));
            // A path is often the same as the last call's (always, for one without parameters): its Uri is built once.
            var last = entry.Last;
            if (last != null && string.Equals(last.Relative, relativeUrl, StringComparison.Ordinal)) return last.Uri;
            var uri = new Uri(entry.Prefix + relativeUrl, UriKind.Absolute);
            entry.Last = new Resolved(relativeUrl, uri);
            return uri;
        }

        /// <summary>An HttpClient's base address, held to the same rules as <see cref="UpstashClientOptions.BaseAddress"/>.</summary>
        /// <exception cref="UpstashConfigurationException">It is not usable; the message names the rule, never the address (it may carry a password).</exception>
        public static Uri? FromHttpClient(Uri? address, ApiOperation operation)
        {
            if (address == null) return null;
            try
            {
                UpstashClientOptions.ValidateBaseAddress(address);
            }
            catch (ArgumentException ex)
            {
                throw new UpstashConfigurationException($"{operation.Id}: the HttpClient's BaseAddress is not usable: {ArgumentMessages.WithoutParameter(ex)}");
            }
            return address;
        }

        private string Prefix(ApiOperation operation)
        {
            var server = new Uri(operation.Server, UriKind.RelativeOrAbsolute);
            var serverPath = (server.IsAbsoluteUri ? server.AbsolutePath : server.OriginalString).Trim('/');
            var tail = "/" + (serverPath.Length == 0 ? string.Empty : serverPath + "/");
            if (BaseAddress == null)
            {
                if (!server.IsAbsoluteUri)
                    throw new UpstashConfigurationException($"{operation.Id}: the API document gives the relative server '{server.OriginalString}'; set {nameof(UpstashClientOptions.BaseAddress)}.");
                return server.GetLeftPart(UriPartial.Authority) + tail;
            }
            return BaseAddress.GetLeftPart(UriPartial.Authority) + BasePath(BaseAddress) + tail;
        }

        /// <summary>
        /// The path prefix a base address adds: its path, less the document server's path when it ends with it
        /// (<c>https://proxy.example/v2</c> means the document's server there, so <c>/v2</c> is not added twice).
        /// </summary>
        private static string BasePath(Uri baseAddress)
        {
            var path = baseAddress.AbsolutePath.TrimEnd('/');
            var serverPath = new Uri(ApiOperations.DocumentServer, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } server ? server.AbsolutePath.TrimEnd('/') : string.Empty;
            return serverPath.Length > 0 && path.EndsWith(serverPath, StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - serverPath.Length) : path;
        }

        private sealed class Entry
        {
            public Entry(string prefix) => Prefix = prefix;

            public string Prefix { get; }

            public volatile Resolved? Last;
        }

        private sealed class Resolved
        {
            public Resolved(string relative, Uri uri)
            {
                Relative = relative;
                Uri = uri;
            }

            public string Relative { get; }

            public Uri Uri { get; }
        }
    }
}
