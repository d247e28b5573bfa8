using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Upstash.DeveloperApi.Tests.Integration
{
    /// <summary>services.AddUpstashDeveloperApi(): typed client, options from "Upstash", validation at start, logging without secrets.</summary>
    [TestFixture]
    [NonParallelizable] // one test sets process environment variables
    public sealed class DependencyInjectionTests
    {
        private static readonly string Token = Examples.Token;
        private static readonly string Password = Examples.Password;

        private static IHost Host(Dictionary<string, string?> settings, CapturingLoggerProvider? logs = null, Action<IHttpClientBuilder>? http = null)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            if (logs != null)
            {
                builder.Logging.AddProvider(logs);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
            }
            var client = builder.Services.AddUpstashDeveloperApi();
            http?.Invoke(client);
            return builder.Build();
        }

        [Test]
        public async Task The_typed_client_is_configured_from_the_Upstash_section()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            using var host = Host(new()
            {
                ["Upstash:Email"] = "config@example.com",
                ["Upstash:ApiKey"] = "config-key",
                ["Upstash:BaseAddress"] = api.BaseAddress().ToString(),
                ["Upstash:Timeout"] = "00:00:05",
                ["Upstash:MaxRetries"] = "1",
            });
            await host.StartAsync();

            var client = host.Services.GetRequiredService<IQStashClient>();
            var user = await client.ResetQStashTokenAsync();

            (user.Token == Token).Should().BeTrue();
            (api.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization("config@example.com", "config-key")).Should().BeTrue();
            UpstashClientOptions options = host.Services.GetRequiredService<IOptionsMonitor<UpstashOptions>>().CurrentValue; // the same options type
            options.Timeout.Should().Be(TimeSpan.FromSeconds(5));
            options.MaxRetries.Should().Be(1);
            await host.StopAsync();
        }

        [Test]
        public async Task UPSTASH_EMAIL_and_UPSTASH_API_KEY_are_the_fallback()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            Environment.SetEnvironmentVariable("UPSTASH_EMAIL", "env@example.com");
            Environment.SetEnvironmentVariable("UPSTASH_API_KEY", "env-key");
            try
            {
                using var host = Host(new() { ["Upstash:BaseAddress"] = api.BaseAddress().ToString() });
                await host.StartAsync();

                await host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();

                (api.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization("env@example.com", "env-key")).Should().BeTrue();
            }
            finally
            {
                Environment.SetEnvironmentVariable("UPSTASH_EMAIL", null);
                Environment.SetEnvironmentVariable("UPSTASH_API_KEY", null);
            }
        }

        [TestCase("Upstash:Email", "not-an-email", "Upstash:Email")]
        [TestCase("Upstash:ApiKey", "", "Upstash:ApiKey")]
        [TestCase("Upstash:BaseAddress", "ftp://example.net", "Upstash:BaseAddress")]
        [TestCase("Upstash:Timeout", "-00:00:01", "Upstash:Timeout")]
        [TestCase("Upstash:MaxRetries", "50", "Upstash:MaxRetries")]
        [TestCase("Upstash:MaxResponseBytes", "10", "Upstash:MaxResponseBytes")]
        [TestCase("Upstash:BaseAddress", "http://api.example.net", "Upstash:BaseAddress: BaseAddress must be https")]
        [TestCase("Upstash:BaseAddress", "https://user:pw@api.example.net", "must not carry user info")]
        [TestCase("Upstash:Timeout", "10", "Upstash:Timeout: '10' is a bare number, which .NET would read as days. Write a duration as [d.]hh:mm:ss[.fff]: 00:00:30 is 30 seconds")]
        [TestCase("Upstash:Timeout", "30", "Upstash:Timeout: '30' is a bare number")]
        [TestCase("Upstash:MaxRetryDelay", "2.5", "Upstash:MaxRetryDelay: '2.5' is a bare number")]
        [TestCase("Upstash:ConnectRetryDelay", "200", "00:00:00.200 is 200 milliseconds")]
        [TestCase("Upstash:ConnectRetryDelay", "soon", "Upstash:ConnectRetryDelay: the value cannot be read as a duration")]
        [TestCase("Upstash:MaxRetries", "abc", "Upstash:MaxRetries: the value cannot be read as a whole number")]
        [TestCase("Upstash:MaxRetries", "secret-key-123", "Upstash:MaxRetries")] // a key pasted into the wrong setting is not quoted
        [TestCase("Upstash:BaseUrl", "https://proxy.example.net", "Upstash:BaseUrl is now Upstash:BaseAddress")]
        public async Task A_bad_setting_fails_at_start_up_with_a_message_naming_it(string key, string value, string named)
        {
            var settings = new Dictionary<string, string?> { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "secret-key-123" };
            settings[key] = value;
            using var host = Host(settings);

            var start = () => host.StartAsync();

            var thrown = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
            thrown.Message.Should().Contain(named).And.NotContain("secret-key-123");
            thrown.Failures.Should().ContainSingle("only the bad setting is named: the others still bind (the email is set)");
            if (key == "Upstash:MaxRetries") thrown.Message.Should().NotContain("hh:mm:ss", "a number is no duration");
        }

        [Test]
        public async Task Every_call_is_logged_with_stable_event_ids_and_no_secret_in_any_line()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var logs = new CapturingLoggerProvider();
            using var host = Host(new()
            {
                ["Upstash:Email"] = "dev@example.com",
                ["Upstash:ApiKey"] = "the-api-key-that-must-not-be-logged",
                ["Upstash:BaseAddress"] = api.BaseAddress().ToString(),
            }, logs);
            await host.StartAsync();

            await host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();

            var responded = logs.Logger.Entries.Should().ContainSingle(e => e.Id.Id == 4100).Subject;
            var values = responded.Values.ToDictionary(v => v.Key, v => v.Value);
            values["Operation"].Should().Be(SpecDocument.Seed.Id);
            values["Method"].Should().Be("POST");
            values["Path"].Should().Be("/qstash/user/rotatetoken");
            values["StatusCode"].Should().Be(200);
            values["ElapsedMs"].Should().BeOfType<double>();
            values["Retries"].Should().Be(0);
            logs.Logger.AllText().Should().NotContain(api.BaseAddress().ToString().TrimEnd('/'),
                "no line names the request URI (the factory's own lines would, ids and query included; the registration removes them)");
            logs.Logger.AllText().ShouldNotContainAny(new[]
            {
                "the-api-key-that-must-not-be-logged", TestCredentials.ExpectedAuthorization("dev@example.com", "the-api-key-that-must-not-be-logged").Substring(6), Token, Password,
            }, "the log");
        }

        [Test]
        public async Task An_HttpClient_base_address_with_a_password_is_refused_and_never_logged()
        {
            var logs = new CapturingLoggerProvider();
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "k-123" }, logs,
                http => http.ConfigureHttpClient(c => c.BaseAddress = new Uri("http://dev%40example.com:pa55-w0rd@127.0.0.1:9/")));
            await host.StartAsync();

            var call = () => host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConfigurationException>()).Which;
            thrown.Message.Should().NotContain("pa55-w0rd");
            logs.Logger.AllText().ShouldNotContainAny(new[] { "pa55-w0rd", "k-123" }, "the log");
        }

        [Test]
        public async Task Every_client_of_the_API_is_registered()
        {
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "k-123" });
            await host.StartAsync();

            var upstash = host.Services.GetRequiredService<IUpstashClient>();
            host.Services.GetRequiredService<IRedisClient>().Should().BeSameAs(upstash.Redis);
            host.Services.GetRequiredService<IQStashClient>().Should().BeSameAs(upstash.QStash);
            host.Services.GetRequiredService<QStashClient>().Should().BeSameAs(upstash.QStash);
            foreach (var property in typeof(IUpstashClient).GetProperties())
                host.Services.GetRequiredService(property.PropertyType).Should().BeSameAs(property.GetValue(upstash), property.Name);
        }

        [Test]
        public async Task A_reloaded_API_key_is_used_by_the_next_call_without_a_restart()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "first-key", ["Upstash:BaseAddress"] = api.BaseAddress().ToString() });
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IQStashClient>();
            await client.ResetQStashTokenAsync();

            var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
            configuration["Upstash:ApiKey"] = "rotated-key";
            configuration.Reload();
            await host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();

            var sent = api.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].Single()).ToList();
            (sent[0] == TestCredentials.ExpectedAuthorization("dev@example.com", "first-key")).Should().BeTrue();
            (sent[1] == TestCredentials.ExpectedAuthorization("dev@example.com", "rotated-key")).Should().BeTrue("the reloaded key is used at once");
        }

        [Test]
        public async Task A_reload_with_an_invalid_value_keeps_the_last_valid_options_and_logs_the_setting_once()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var logs = new CapturingLoggerProvider();
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "first-key", ["Upstash:BaseAddress"] = api.BaseAddress().ToString() }, logs);
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IQStashClient>();
            await client.ResetQStashTokenAsync();

            var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
            configuration["Upstash:ApiKey"] = "rotated-key";
            configuration["Upstash:Timeout"] = "30"; // a bare number: refused by name
            configuration.Reload();
            await client.ResetQStashTokenAsync();
            await client.ResetQStashTokenAsync();

            var sent = api.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].Single()).ToList();
            sent.Should().HaveCount(3, "every call went out on the last valid options");
            sent.All(s => s == TestCredentials.ExpectedAuthorization("dev@example.com", "first-key")).Should().BeTrue("the invalid reload is not half applied");
            var rejected = logs.Logger.Entries.Where(e => e.Id.Id == 4104).ToList();
            rejected.Should().ContainSingle("the same failure is logged once, not on every call");
            rejected[0].Message.Should().Contain("Upstash:Timeout");
            logs.Logger.AllText().ShouldNotContainAny(new[] { "first-key", "rotated-key" }, "the log");

            configuration["Upstash:Timeout"] = "00:00:30";
            configuration.Reload();
            await client.ResetQStashTokenAsync();
            (api.LogEntries.Last().RequestMessage.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization("dev@example.com", "rotated-key"))
                .Should().BeTrue("a reload that is valid again applies at once");
        }

        [Test]
        public async Task An_invalid_reload_keeps_the_latest_valid_options_even_those_no_call_has_used_yet()
        {
            using var api = LoopbackServer.AnsweringTokenReset();
            var logs = new CapturingLoggerProvider();
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "first-key", ["Upstash:BaseAddress"] = api.BaseAddress().ToString() }, logs);
            await host.StartAsync();
            var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();

            configuration["Upstash:MaxRetries"] = "-1"; // before any call: the start-up options stay
            configuration.Reload();
            await host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();
            configuration["Upstash:MaxRetries"] = "2";
            configuration["Upstash:ApiKey"] = "rotated-key"; // valid, and no call uses it
            configuration.Reload();
            configuration["Upstash:Timeout"] = "30";
            configuration.Reload();
            await host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();

            var sent = api.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].Single()).ToList();
            (sent[0] == TestCredentials.ExpectedAuthorization("dev@example.com", "first-key")).Should().BeTrue("the options validated at start-up are the last valid ones");
            (sent[1] == TestCredentials.ExpectedAuthorization("dev@example.com", "rotated-key")).Should().BeTrue("the rotated key was valid, though no call had used it");
            logs.Logger.Entries.Where(e => e.Id.Id == 4104).Select(e => e.Message).Should().SatisfyRespectively(
                first => first.Should().Contain("Upstash:MaxRetries"),
                second => second.Should().Contain("Upstash:Timeout"));
        }

        [Test]
        public async Task Invalid_options_of_a_host_that_was_not_started_fail_the_call_with_a_configuration_error()
        {
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "first-key", ["Upstash:Timeout"] = "30" });

            var call = () => host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();

            var thrown = (await call.Should().ThrowAsync<UpstashConfigurationException>()).Which;
            thrown.Message.Should().Contain("Upstash:Timeout").And.NotContain("first-key");
        }

        [Test]
        public async Task Resolving_clients_from_the_root_provider_keeps_nothing_alive()
        {
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "k-123" });
            await host.StartAsync();

            var alive = ResolveMany(host.Services, 200);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            alive.Count(w => w.IsAlive).Should().BeLessThanOrEqualTo(1, "a client resolved 200 times from the root provider is one instance, or 200 that are released; never 200 the container keeps");
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static List<WeakReference> ResolveMany(IServiceProvider services, int count) =>
            Enumerable.Range(0, count).Select(_ => new WeakReference(services.GetRequiredService<IQStashClient>())).DistinctBy(w => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(w.Target!)).ToList();

        [Test]
        public void A_second_registration_is_refused_with_a_message_instead_of_merging()
        {
            var services = new ServiceCollection();
            services.AddUpstashDeveloperApi(o => o.BaseAddress = new Uri("https://team-a.example.net"));

            var again = () => services.AddUpstashDeveloperApi(o => o.BaseAddress = new Uri("https://team-b.example.net"));

            again.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("already called").And.Contain("new UpstashClient(");
        }

        [Test]
        public async Task Failures_are_logged_by_kind_without_the_body()
        {
            using var api = LoopbackServer.Start();
            api.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(401).WithBody("{\"error\":\"Unauthorized " + Token + "\"}"));
            var logs = new CapturingLoggerProvider();
            using var host = Host(new() { ["Upstash:Email"] = "dev@example.com", ["Upstash:ApiKey"] = "k-123", ["Upstash:BaseAddress"] = api.BaseAddress().ToString() }, logs);
            await host.StartAsync();

            var call = () => host.Services.GetRequiredService<IQStashClient>().ResetQStashTokenAsync();

            await call.Should().ThrowAsync<UpstashAuthenticationException>();
            logs.Logger.Entries.Should().Contain(e => e.Id.Id == 4103 && e.Message.Contains("Authentication"));
            logs.Logger.AllText().ShouldNotContainAny(new[] { Token, "k-123" }, "the log");
        }
    }
}
