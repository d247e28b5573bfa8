using System;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Cli;

namespace Upstash.DeveloperApi.Cli.Tests
{
    /// <summary>
    /// The only test that talks to the real service, and only when asked: set UPSTASH_LIVE=1 with
    /// UPSTASH_EMAIL and UPSTASH_API_KEY. It runs verify-contract, which sends GET requests alone, so it
    /// never rotates, changes or deletes anything. Without those variables it is skipped.
    /// </summary>
    [TestFixture]
    [Category("Live")]
    public sealed class LiveReadOnlyContractTests
    {
        [Test]
        public async Task The_live_service_answers_every_GET_operation_as_the_vendored_document_says()
        {
            var email = Environment.GetEnvironmentVariable("UPSTASH_EMAIL");
            var key = Environment.GetEnvironmentVariable("UPSTASH_API_KEY");
            if (Environment.GetEnvironmentVariable("UPSTASH_LIVE") != "1" || string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(key))
            {
                Assert.Ignore("Live check not requested: set UPSTASH_LIVE=1, UPSTASH_EMAIL and UPSTASH_API_KEY to run verify-contract (GET only) against the real service.");
            }

            var cli = new CliRunner();
            cli.Variables["UPSTASH_EMAIL"] = email;
            cli.Variables["UPSTASH_API_KEY"] = key;

            var (exit, output, error) = await cli.RunAsync("verify-contract");

            // Checked as a boolean first, so that a failure can never print the key; then the report, which
            // names operations, fields and kinds, never a value.
            (output + error).Contains(key!).Should().BeFalse("the key is never printed");
            exit.Should().Be(ExitCodes.Ok, output + error);
        }
    }
}
