using System;
using System.Collections.Concurrent;

namespace Upstash.DeveloperApi
{
    // Hand-written: path- and operation-level `servers`. NSwag only knows the document-level server
    // (https://api.upstash.com/v2); the token reset lives under its path-level server
    // (https://api.upstash.com). OperationServers (generated at build time from the document, see
    // build/Upstash.CodeGeneration.targets) gives each operation's server; this file joins it with
    // the base address, if one is set, and the operation's path.
    public partial class QStashClient
    {
        private volatile ServerPrefixes? _prefixes;

        /// <summary>
        /// Replaces scheme, host and port of the document's servers (see <see cref="QStashClientOptions.BaseAddress"/>);
        /// each operation keeps its own path. Null uses the document's servers, or <see cref="System.Net.Http.HttpClient.BaseAddress"/> when set.
        /// </summary>
        /// <exception cref="ArgumentException">The address is not an absolute http(s) address, or has a query, fragment or user info.</exception>
        public Uri? BaseAddress
        {
            get => _httpClient.Options.BaseAddress;
            set
            {
                QStashClientOptions.ValidateBaseAddress(value);
                _httpClient.Options.BaseAddress = value;
                _prefixes = null;
            }
        }

        /// <summary>The absolute URI of an operation: base address (if any) + the operation's server path + the operation path.</summary>
        internal Uri ResolveOperationUri(string operationId, string relativeUrl)
        {
            var baseAddress = _httpClient.Options.BaseAddress ?? HttpClientBaseAddress(operationId);
            var prefixes = _prefixes;
            if (prefixes == null || !Equals(prefixes.BaseAddress, baseAddress))
                _prefixes = prefixes = new ServerPrefixes(baseAddress);
            if (!prefixes.Prefixes.TryGetValue(operationId, out var entry))
                entry = prefixes.Prefixes.GetOrAdd(operationId, prefixes.Compute); // the delegate is only made on a miss
            // A path without parameters is the same string every call: its Uri is built once.
            var last = entry.Last;
            if (last != null && ReferenceEquals(last.Relative, relativeUrl)) return last.Uri;
            var uri = new Uri(entry.Prefix + relativeUrl, UriKind.Absolute);
            entry.Last = new ResolvedUri(relativeUrl, uri);
            return uri;
        }

        /// <summary>The HttpClient's base address, held to the same rules as <see cref="QStashClientOptions.BaseAddress"/>.</summary>
        private Uri? HttpClientBaseAddress(string operationId)
        {
            var address = _httpClient.HttpClient.BaseAddress;
            if (address == null) return null;
            try
            {
                QStashClientOptions.ValidateBaseAddress(address);
            }
            catch (ArgumentException ex)
            {
                // The message names the rule, never the address: it may carry a password.
                throw new UpstashConfigurationException($"{operationId}: the HttpClient's BaseAddress is not usable: {ArgumentMessages.WithoutParameter(ex)}");
            }
            return address;
        }

        private sealed class ServerPrefixes
        {
            public ServerPrefixes(Uri? baseAddress)
            {
                BaseAddress = baseAddress;
            }

            public Uri? BaseAddress { get; }

            public ConcurrentDictionary<string, OperationPrefix> Prefixes { get; } = new ConcurrentDictionary<string, OperationPrefix>(StringComparer.Ordinal);

            public OperationPrefix Compute(string operationId) => new OperationPrefix(ComputePrefix(operationId));

            private string ComputePrefix(string operationId)
            {
                var server = new Uri(OperationServers.For(operationId), UriKind.RelativeOrAbsolute);
                var serverPath = (server.IsAbsoluteUri ? server.AbsolutePath : server.OriginalString).Trim('/');
                if (BaseAddress == null)
                {
                    if (!server.IsAbsoluteUri)
                        throw new UpstashConfigurationException($"{operationId}: the API document gives the relative server '{server.OriginalString}'; set {nameof(QStashClientOptions.BaseAddress)}.");
                    return server.GetLeftPart(UriPartial.Authority) + "/" + (serverPath.Length == 0 ? string.Empty : serverPath + "/");
                }
                var basePath = BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
                return basePath + "/" + (serverPath.Length == 0 ? string.Empty : serverPath + "/");
            }
        }
    }

    internal sealed class OperationPrefix
    {
        public OperationPrefix(string prefix) => Prefix = prefix;

        public string Prefix { get; }

        public volatile ResolvedUri? Last;
    }

    internal sealed class ResolvedUri
    {
        public ResolvedUri(string relative, Uri uri)
        {
            Relative = relative;
            Uri = uri;
        }

        public string Relative { get; }

        public Uri Uri { get; }
    }
}
