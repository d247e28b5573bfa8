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
        }
    }
}
