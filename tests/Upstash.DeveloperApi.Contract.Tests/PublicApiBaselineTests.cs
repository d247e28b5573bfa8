using System;
using System.IO;
using FluentAssertions;
using NUnit.Framework;
using PublicApiGenerator;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// The library's public surface, generated code included, must equal the committed baseline
    /// src/Upstash.DeveloperApi/PublicAPI.approved.txt. A spec update that changes the surface fails
    /// here until the baseline is updated, so reviewers see exactly what consuming teams will see.
    /// To accept a change: run the tests with UPSTASH_ACCEPT_API=1, or copy PublicAPI.received.txt
    /// over PublicAPI.approved.txt, and commit it.
    /// </summary>
    [TestFixture]
    public sealed class PublicApiBaselineTests
    {
        public const string AcceptVariable = "UPSTASH_ACCEPT_API";
        public const string ReceivedDirVariable = "UPSTASH_API_RECEIVED_DIR";

        public static string ApprovedPath => RepoPaths.Of("src", "Upstash.DeveloperApi", "PublicAPI.approved.txt");

        [Test]
        public void The_public_API_matches_the_committed_baseline()
        {
            var current = Normalize(typeof(QStashClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions
            {
                IncludeAssemblyAttributes = false,
                AllowNamespacePrefixes = new[] { "Microsoft.Extensions.DependencyInjection" }, // AddUpstashDeveloperApi lives there
            }));
            var approvedPath = ApprovedPath;
            var receivedPath = Environment.GetEnvironmentVariable(ReceivedDirVariable) is { Length: > 0 } dir
                ? Path.Combine(dir, "PublicAPI.received.txt")
                : Path.Combine(Path.GetDirectoryName(approvedPath)!, "PublicAPI.received.txt");

            if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
            {
                File.WriteAllText(approvedPath, current);
                Assert.Ignore($"Baseline written to {approvedPath}; review and commit it.");
            }

            var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;
            if (approved != current)
            {
                File.WriteAllText(receivedPath, current);
                approved.Should().Be(current,
                    "the public API changed: review {0} against {1}; accept it with {2}=1 dotnet test, or by copying the received file over the approved one",
                    receivedPath, approvedPath, AcceptVariable);
            }
            else if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";
    }
}
