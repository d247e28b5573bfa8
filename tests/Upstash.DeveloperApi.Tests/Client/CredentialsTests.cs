using System;
using System.Collections.Generic;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    [TestFixture]
    public sealed class CredentialsTests
    {
        private const string Key = "key-that-must-never-show-1234567890";

        [Test]
        public void ToString_and_the_debugger_show_the_email_and_mask_the_key()
        {
            var credentials = new UpstashCredentials("dev@example.com", Key);

            credentials.ToString().Should().Contain("dev@example.com").And.Contain("***").And.NotContain(Key);
            credentials.Email.Should().Be("dev@example.com");
        }

        [TestCase(null, "required")]
        [TestCase("", "empty")]
        [TestCase("   ", "empty")]
        [TestCase("no-at-sign", "not an email")]
        [TestCase("a:b@example.com", "':'")]
        [TestCase("dev@example.com\n", null)]
        public void A_bad_email_is_refused_with_a_message_naming_it(string? email, string? expected)
        {
            var create = () => new UpstashCredentials(email!, Key);
            if (expected == null)
            {
                create.Should().NotThrow("surrounding white space is trimmed");
                return;
            }
            create.Should().Throw<ArgumentException>().Which.Message.Should().Contain("email").And.Contain(expected).And.NotContain(Key);
        }

        [TestCase(null, "required")]
        [TestCase("", "empty")]
        [TestCase("key with space", "space")]
        [TestCase("key\u0007bell", "control character")]
        public void A_bad_api_key_is_refused_without_repeating_it(string? apiKey, string expected)
        {
            var create = () => new UpstashCredentials("dev@example.com", apiKey!);

            var message = create.Should().Throw<ArgumentException>().Which.Message;
            message.Should().Contain("API key").And.Contain(expected);
            if (!string.IsNullOrEmpty(apiKey)) message.Should().NotContain(apiKey);
        }

        [Test]
        public void FromEnvironment_reads_UPSTASH_EMAIL_and_UPSTASH_API_KEY()
        {
            var variables = new Dictionary<string, string?> { ["UPSTASH_EMAIL"] = "dev@example.com", ["UPSTASH_API_KEY"] = Key };

            var credentials = UpstashCredentials.FromEnvironment(name => variables.GetValueOrDefault(name));

            credentials.Email.Should().Be("dev@example.com");
            credentials.AuthorizationHeader.Parameter.Should().Be(TestCredentials.ExpectedAuthorization("dev@example.com", Key).Substring("Basic ".Length));
        }

        [TestCase(null, Key, "UPSTASH_EMAIL is not set")]
        [TestCase("dev@example.com", null, "UPSTASH_API_KEY is not set")]
        [TestCase("dev@example.com", "  ", "UPSTASH_API_KEY is not set")]
        [TestCase(null, null, "Neither UPSTASH_EMAIL nor UPSTASH_API_KEY")]
        [TestCase("not-an-email", Key, "UPSTASH_EMAIL is not an email")]
        [TestCase("dev@example.com", "has space", "UPSTASH_API_KEY contains a space")]
        public void FromEnvironment_names_the_missing_or_malformed_variable(string? email, string? apiKey, string expected)
        {
            var variables = new Dictionary<string, string?> { ["UPSTASH_EMAIL"] = email, ["UPSTASH_API_KEY"] = apiKey };

            var read = () => UpstashCredentials.FromEnvironment(name => variables.GetValueOrDefault(name));

            var message = read.Should().Throw<UpstashConfigurationException>().Which.Message;
            message.Should().Contain(expected);
            if (!string.IsNullOrWhiteSpace(apiKey)) message.Should().NotContain(apiKey);
        }
    }
}
