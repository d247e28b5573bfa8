using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests.Workflow
{
    /// <summary>
    /// The README's offline install of the upstash-devapi tool and of its 1.x name, upstash-qstash: pack into artifacts/, install with
    /// build/local-tool.nuget.config, run. Every other feed is unreachable during the install (a dead
    /// proxy), so a command that also asks a public feed fails here as it fails offline.
    /// </summary>
    [TestFixture]
    [Category("Package")]
    [Parallelizable(ParallelScope.Self)] // a child-process test: it runs beside the others (the only Release build of the CLI), one fixture at a time each
    public sealed class ToolPackageTests
    {
        [Test]
        public async Task The_tool_and_its_1x_name_install_offline_from_the_packed_folder_as_the_README_says()
        {
            var work = TestTemp.CreateFolder("upstash-tool-").FullName;
            try
            {
                await PackInstallAndRun(work);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static async Task PackInstallAndRun(string work)
        {
            Directory.CreateDirectory(Path.Combine(work, "build"));
            File.Copy(RepoPaths.Of("build", "local-tool.nuget.config"), Path.Combine(work, "build", "local-tool.nuget.config"));
            var artifacts = Path.Combine(work, "artifacts");
            var version = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

            var pack = await DotnetProcess.RunAsync(RepoPaths.Root, new[] { "pack", "src/Upstash.DeveloperApi.Cli", "-c", "Release", "-o", artifacts, $"-p:Version={version}", "-nodeReuse:false" });
            pack.Exit.Should().Be(0, DotnetProcess.Tail(pack.Output));
            // The 1.x package: the same build, packed under the old id and command (no second build).
            var legacy = await DotnetProcess.RunAsync(RepoPaths.Root, new[] { "pack", "src/Upstash.DeveloperApi.Cli", "-c", "Release", "--no-build", "-o", artifacts, $"-p:Version={version}", "-p:UpstashLegacyTool=true", "-nodeReuse:false" });
            legacy.Exit.Should().Be(0, DotnetProcess.Tail(legacy.Output));
            var readme = File.ReadAllText(RepoPaths.Of("README.md"));
            readme.Should().Contain("dotnet tool install -g Upstash.DeveloperApi.Tool --configfile build/local-tool.nuget.config").And.Contain("-p:UpstashLegacyTool=true");

            var offline = new Dictionary<string, string?>
            {
                ["HTTP_PROXY"] = "http://127.0.0.1:9", ["HTTPS_PROXY"] = "http://127.0.0.1:9", ["http_proxy"] = "http://127.0.0.1:9", ["https_proxy"] = "http://127.0.0.1:9",
                ["NUGET_PACKAGES"] = Path.Combine(work, "packages"), // an empty cache: nothing comes from earlier restores
            };
            foreach (var (package, command) in new[] { ("Upstash.DeveloperApi.Tool", "upstash-devapi"), ("Upstash.DeveloperApi.Cli", "upstash-qstash") })
            {
                var install = await DotnetProcess.RunAsync(work, new[]
                {
                    "tool", "install", package, "--version", version, "--tool-path", Path.Combine(work, "tools"), "--configfile", "build/local-tool.nuget.config",
                }, offline);
                install.Exit.Should().Be(0, DotnetProcess.Tail(install.Output));
                var tool = Path.Combine(work, "tools", command);
                var help = await DotnetProcess.RunAsync(work, new[] { "--help" }, null, executable: tool);
                help.Exit.Should().Be(0, help.Output);
                help.Output.Should().Contain("rotate").And.Contain("rotate-token").And.Contain("Exit codes");
            }
            var demo = await DotnetProcess.RunAsync(work, new[] { "rotate-token", "--demo", "--format", "env" }, null, executable: Path.Combine(work, "tools", "upstash-qstash"));
            demo.Exit.Should().Be(0, "a 1.x pipeline's command still works: " + demo.Output);
            demo.Output.Should().Contain("QSTASH_TOKEN=").And.Contain("nothing was rotated");

            // One portable package (runs wherever .NET 10 does) whose start-up path carries ReadyToRun code for linux-x64,
            // and nothing a rotation does not need: no test server for the demo.
            using var nupkg = System.IO.Compression.ZipFile.OpenRead(Path.Combine(artifacts, $"Upstash.DeveloperApi.Tool.{version}.nupkg"));
            var settings = new StreamReader(nupkg.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open()).ReadToEnd();
            settings.Should().Contain("Runner=\"dotnet\"").And.NotContain("RuntimeIdentifierPackage");
            foreach (var assembly in new[] { "upstash-devapi.dll", "Upstash.DeveloperApi.dll", "Newtonsoft.Json.dll", "System.CommandLine.dll" })
                IsReadyToRun(nupkg.GetEntry("tools/net10.0/any/" + assembly)!).Should().BeTrue($"{assembly} is compiled ReadyToRun");
            nupkg.Entries.Select(e => e.Name).Should().NotContain(n => n.StartsWith("WireMock", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Handlebars", StringComparison.Ordinal) || n.StartsWith("GraphQL", StringComparison.Ordinal));
            var runtimeConfig = new StreamReader(nupkg.GetEntry("tools/net10.0/any/upstash-devapi.runtimeconfig.json")!.Open()).ReadToEnd();
            runtimeConfig.Should().NotContain("Microsoft.AspNetCore.App", "the tool runs on the base runtime alone");
            TestContext.Progress.WriteLine($"tool package: {new FileInfo(Path.Combine(artifacts, $"Upstash.DeveloperApi.Tool.{version}.nupkg")).Length / 1e6:0.0} MB");
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
