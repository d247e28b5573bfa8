using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests.Workflow
{
    /// <summary>
    /// Packs the library, installs the package into a throwaway project whose Program.cs is the
    /// README's dependency-injection snippet exactly as written, and runs it against WireMock.Net.
    /// </summary>
    [TestFixture]
    [Category("Package")]
    [Parallelizable(ParallelScope.Self)] // a child-process test: it runs beside the others (its own obj/consumer/), one fixture at a time each
    public sealed class PackageConsumerTests
    {
        private static Task<(int Exit, string Output)> Run(string workingDirectory, (string, string)[] environment, params string[] args)
        {
            var variables = new System.Collections.Generic.Dictionary<string, string?>();
            foreach (var (name, value) in environment) variables[name] = value;
            return DotnetProcess.RunAsync(workingDirectory, args, variables);
        }

        public static string ReadmeSnippet()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            var match = Regex.Match(readme, @"<!-- di-snippet:start.*?-->\s*```csharp\s*(?<code>.*?)```\s*<!-- di-snippet:end -->", RegexOptions.Singleline);
            match.Success.Should().BeTrue("README.md must keep the DI snippet between its markers");
            return match.Groups["code"].Value;
        }

        /// <summary>
        /// The README's "Without dependency injection" block, compiled (never run: with real credentials it
        /// would create a database): its <c>using</c> directives at the top of a file, the rest as the body of
        /// a method nothing calls.
        /// </summary>
        public static string PlainSnippetAsMethod()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            var match = Regex.Match(readme, @"<!-- plain-snippet:start.*?-->\s*```csharp\s*(?<code>.*?)```\s*<!-- plain-snippet:end -->", RegexOptions.Singleline);
            match.Success.Should().BeTrue("README.md must keep the snippet without dependency injection between its markers");
            var lines = match.Groups["code"].Value.Split('\n');
            var directives = lines.Where(l => Regex.IsMatch(l, @"^using [A-Za-z.]+;\s*$"));
            var body = lines.Where(l => !Regex.IsMatch(l, @"^using [A-Za-z.]+;\s*$"));
            return string.Join("\n", directives) + "\n\ninternal static class WithoutDependencyInjection\n{\n    internal static async Task RunAsync()\n    {\n"
                + string.Join("\n", body.Select(l => "        " + l)) + "\n    }\n}\n";
        }

        [Test]
        public async Task The_packed_package_works_in_a_new_project_with_the_README_snippet()
        {
            var work = TestTemp.CreateFolder("upstash-consumer-").FullName;
            var feed = Path.Combine(work, "feed");
            var version = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

            var pack = await Run(RepoPaths.Root, Array.Empty<(string, string)>(), "pack", "src/Upstash.DeveloperApi", "-c", "Release", "-o", feed, $"-p:Version={version}", "-nodeReuse:false",
                "-p:UpstashBuildFlavor=consumer"); // obj/consumer/: runs beside the tool's Release pack
            pack.Exit.Should().Be(0, pack.Output);

            var nupkg = Path.Combine(feed, $"Upstash.DeveloperApi.{version}.nupkg");
            File.Exists(Path.ChangeExtension(nupkg, ".snupkg")).Should().BeTrue("a symbols package is produced");
            using (var zip = ZipFile.OpenRead(nupkg))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                foreach (var tfm in new[] { "netstandard2.0", "net8.0", "net10.0" })
                    entries.Should().Contain($"lib/{tfm}/Upstash.DeveloperApi.dll").And.Contain($"lib/{tfm}/Upstash.DeveloperApi.xml");
                entries.Should().Contain("README.md");
                using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open());
                var metadata = nuspec.ReadToEnd();
                metadata.Should().Contain("<license type=\"expression\">MIT</license>").And.Contain("<repository type=\"git\"").And.Contain("<readme>README.md</readme>");
                metadata.Should().NotContain("NSwag", "generation is a build-time tool, not a dependency");
            }

            var app = Path.Combine(work, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RestoreAdditionalProjectSources>{feed}</RestoreAdditionalProjectSources>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Upstash.DeveloperApi" Version="{version}" />
                    <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeSnippet());
            File.WriteAllText(Path.Combine(app, "WithoutDependencyInjection.cs"), PlainSnippetAsMethod());

            using var api = LoopbackServer.AnsweringTokenReset();

            var run = await Run(app, new[]
            {
                ("UPSTASH_EMAIL", "consumer@example.com"), ("UPSTASH_API_KEY", "consumer-key"), ("Upstash__BaseAddress", api.BaseAddress().ToString()),
            }, "run", "--no-launch-profile");

            run.Exit.Should().Be(0, run.Output);
            run.Output.Should().Contain("QStashUser {").And.Contain("Token = ***").And.Contain("State = active");
            run.Output.Contains(Examples.Token).Should().BeFalse();
            (api.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization("consumer@example.com", "consumer-key")).Should().BeTrue();
        }
    }
}
