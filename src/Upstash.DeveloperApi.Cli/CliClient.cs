using System;
using System.Net.Http;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// The library client every API command sends through: the real one with the user's credentials, or, for
    /// <c>--demo</c>, the same client over <see cref="DemoHandler"/> with made-up credentials (nothing leaves the process).
    /// </summary>
    internal sealed class CliClient : IDisposable
    {
        private readonly HttpClient? _demoHttp;

        private CliClient(UpstashClient client, UpstashCredentials credentials, DemoHandler? demo, HttpClient? demoHttp)
        {
            Client = client;
            Credentials = credentials;
            Demo = demo;
            _demoHttp = demoHttp;
        }

        public UpstashClient Client { get; }

        public UpstashCredentials Credentials { get; }

        /// <summary>The demo's handler (its requests), or null for a real call.</summary>
        public DemoHandler? Demo { get; }

        /// <summary>The real client, with the credentials resolved from options, environment and .env.</summary>
        public static CliClient Real(UpstashCredentials credentials, Uri? baseAddress, TimeSpan timeout) =>
            new(new UpstashClient(credentials, new UpstashClientOptions { BaseAddress = baseAddress, Timeout = timeout }), credentials, null, null);

        /// <summary>The demo: the real client over the in-process example service.</summary>
        public static CliClient ForDemo(CliEnvironment env, TimeSpan timeout)
        {
            var handler = new DemoHandler();
            var http = new HttpClient(handler);
            var credentials = DemoHandler.Credentials;
            CliOutput.Message(env, "Demo: the API document's examples answer in process. No Upstash account is touched, and nothing is rotated.");
            return new(new UpstashClient(http, credentials, new UpstashClientOptions { BaseAddress = DemoHandler.BaseAddress, Timeout = timeout }), credentials, handler, http);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Client.Dispose();
            _demoHttp?.Dispose();
        }
    }
}
