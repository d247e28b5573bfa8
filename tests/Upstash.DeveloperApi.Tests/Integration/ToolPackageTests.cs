using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Integration
{
    /// <summary>
    /// The README's offline install of the upstash-qstash tool: pack into artifacts/, install with
    /// build/local-tool.nuget.config, run. Every other feed is unreachable during the install (a dead
    /// proxy), so a command that also asks a public feed fails here as it fails offline.
    /// </summary>
    [TestFixture]
    [Category("Package")]
    [NonParallelizable]
    public sealed class ToolPackageTests
    {
        [Test]
        public async Task The_tool_installs_offline_from_the_packed_folder_as_the_README_says()
        {
            var work = Directory.CreateTempSubdirectory("upstash-tool-").FullName;
            Directory.CreateDirectory(Path.Combine(work, "build"));
            File.Copy(RepoPaths.Of("build", "local-tool.nuget.config"), Path.Combine(work, "build", "local-tool.nuget.config"));
            var artifacts = Path.Combine(work, "artifacts");
            var version = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

            var pack = await DotnetProcess.RunAsync(RepoPaths.Root, new[] { "pack", "src/Upstash.DeveloperApi.Cli", "-c", "Release", "-o", artifacts, $"-p:Version={version}", "-nodeReuse:false" });
            pack.Exit.Should().Be(0, DotnetProcess.Tail(pack.Output));
            RepoPaths.Of("README.md").Should().Match(path => File.ReadAllText(path).Contains("--configfile build/local-tool.nuget.config"), "the README documents this command");

            var offline = new Dictionary<string, string?>
            {
                ["HTTP_PROXY"] = "http://127.0.0.1:9", ["HTTPS_PROXY"] = "http://127.0.0.1:9", ["http_proxy"] = "http://127.0.0.1:9", ["https_proxy"] = "http://127.0.0.1:9",
                ["NUGET_PACKAGES"] = Path.Combine(work, "packages"), // an empty cache: nothing comes from earlier restores
            };
            var install = await DotnetProcess.RunAsync(work, new[]
            {
                "tool", "install", "Upstash.DeveloperApi.Cli", "--version", version, "--tool-path", Path.Combine(work, "tools"), "--configfile", "build/local-tool.nuget.config",
            }, offline);
            install.Exit.Should().Be(0, DotnetProcess.Tail(install.Output));

            var tool = Path.Combine(work, "tools", "upstash-qstash");
            var run = await DotnetProcess.RunAsync(work, new[] { "--help" }, null, executable: tool);
            run.Exit.Should().Be(0, run.Output);
            run.Output.Should().Contain("rotate-token").And.Contain("Exit codes");

            // One portable package (runs wherever .NET 10 does) whose start-up path carries ReadyToRun code for linux-x64.
            using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(artifacts, $"Upstash.DeveloperApi.Cli.{version}.nupkg"));
            var settings = new StreamReader(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open()).ReadToEnd();
            settings.Should().Contain("Runner=\"dotnet\"").And.NotContain("RuntimeIdentifierPackage");
            foreach (var assembly in new[] { "upstash-qstash.dll", "Upstash.DeveloperApi.dll", "Newtonsoft.Json.dll", "System.CommandLine.dll" })
                IsReadyToRun(package.GetEntry("tools/net10.0/any/" + assembly)!).Should().BeTrue($"{assembly} is compiled ReadyToRun");
            IsReadyToRun(package.GetEntry("tools/net10.0/any/WireMock.Net.dll")!).Should().BeFalse("only what rotate-token loads is precompiled");
        }

        private static bool IsReadyToRun(System.IO.Compression.ZipArchiveEntry entry)
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(copy);
            copy.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(copy);
            return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        }
    }
}
