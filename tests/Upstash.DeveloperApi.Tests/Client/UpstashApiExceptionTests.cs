using System;
using System.IO;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Client
{
    /// <summary>The exception types as a team's own tests meet them: each can be created, and the README's errors table names each.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class UpstashApiExceptionTests
    {
        private static Type[] PublicFailures() => typeof(UpstashClient).Assembly.GetExportedTypes()
            .Where(t => typeof(UpstashApiException).IsAssignableFrom(t) && t != typeof(UpstashApiException)).OrderBy(t => t.Name).ToArray();

        [Test]
        public void There_are_failure_types_to_try() => PublicFailures().Should().HaveCountGreaterThan(5);

        [TestCaseSource(nameof(PublicFailures))]
        public void Every_failure_type_can_be_created_in_a_test_with_its_operation_and_message(Type type)
        {
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Should().ContainSingle().Subject;
            var arguments = constructor.GetParameters().Select(p => p.Name switch
            {
                "operation" => "getDatabase",
                "message" => "it failed",
                _ when p.ParameterType == typeof(UpstashOutcomeUnknownReason) => UpstashOutcomeUnknownReason.Timeout,
                _ when p.HasDefaultValue => p.DefaultValue,
                _ when p.ParameterType == typeof(int) => 409, // the one required status: an unexpected one
                _ => null,
            }).ToArray();

            var failure = (UpstashApiException)constructor.Invoke(arguments);

            failure.Operation.Should().Be("getDatabase");
            failure.Message.Should().Be("it failed");
            failure.GetRawResponseBody().Should().BeNull("a test double carries no body");
        }

        [Test]
        public void The_statuses_of_created_failures_are_those_their_types_stand_for()
        {
            new UpstashAuthenticationException("op", "m").StatusCode.Should().Be(401);
            new UpstashAuthorizationException("op", "m").StatusCode.Should().Be(403);
            new UpstashNotFoundException("op", "m", "no such database").ErrorText.Should().Be("no such database");
            new UpstashRateLimitException("op", "m", TimeSpan.FromSeconds(3)).RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
            new UpstashServerException("op", "m").StatusCode.Should().Be(503);
            new UpstashConnectionException("op", "m").StatusCode.Should().BeNull();
            new UpstashOutcomeUnknownException("resetQStashToken", "m", UpstashOutcomeUnknownReason.ServerError, 500).Reason.Should().Be(UpstashOutcomeUnknownReason.ServerError);
            new UpstashUnexpectedStatusException("op", "m", 409).StatusCode.Should().Be(409);
        }

        [Test]
        public void A_created_failure_must_be_one_the_client_could_raise()
        {
            var refused = new Action[]
            {
                () => _ = new UpstashServerException("op", "m", 404),
                () => _ = new UpstashRequestRejectedException("op", "m", statusCode: 200),
                () => _ = new UpstashUnexpectedStatusException("op", "m", 204),
                () => _ = new UpstashUnreadableResponseException("op", "m", 500),
                () => _ = new UpstashRateLimitException("op", "m", TimeSpan.FromSeconds(-1)),
                () => _ = new UpstashOutcomeUnknownException("op", "m", (UpstashOutcomeUnknownReason)99),
                () => _ = new UpstashOutcomeUnknownException("op", "m", UpstashOutcomeUnknownReason.ServerError),
                () => _ = new UpstashOutcomeUnknownException("op", "m", UpstashOutcomeUnknownReason.Timeout, 500),
                () => _ = new UpstashNotFoundException(null!, "m"),
                () => _ = new UpstashConnectionException("op", ""),
            };

            foreach (var create in refused) create.Should().Throw<ArgumentException>();
            new UpstashOutcomeUnknownException("op", "m", UpstashOutcomeUnknownReason.ServerError, 500).StatusCode.Should().Be(500);
        }

        [Test]
        public void The_README_errors_table_names_every_failure_type_and_only_those()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            var start = readme.IndexOf("## Errors", StringComparison.Ordinal);
            var table = readme.Substring(start, readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal) - start);
            var named = System.Text.RegularExpressions.Regex.Matches(table, @"`(Upstash\w+Exception)`").Select(m => m.Groups[1].Value).Distinct();

            named.Where(n => n != nameof(UpstashApiException) && n != nameof(UpstashConfigurationException))
                .Should().BeEquivalentTo(PublicFailures().Select(t => t.Name));
        }
    }
}
