using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;

namespace Upstash.DeveloperApi.Tests.Benchmarks
{
    /// <summary>
    /// Keeps the BenchmarkDotNet project working: every benchmark runs once (Dry job, in process).
    /// Timings are printed by BenchmarkDotNet but never asserted: shared 2-core machines are too noisy.
    /// </summary>
    [TestFixture]
    [Category("Benchmarks")]
    [NonParallelizable]
    public sealed class BenchmarkDryRunTests
    {
        [Test]
        public async Task Every_benchmark_runs_once()
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "GeneratedClient.sln"))) root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
            var dll = Path.Combine(root, "tests", "Upstash.DeveloperApi.Benchmarks", "bin", configuration, "net10.0", "Upstash.DeveloperApi.Benchmarks.dll");
            File.Exists(dll).Should().BeTrue($"the benchmarks are built with the solution ({dll})");

            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { dll, "--filter", "*", "--job", "Dry", "--inProcess", "--allow-debug", "--artifacts", Path.Combine(Path.GetTempPath(), "upstash-bdn-dry") })
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var finished = process.WaitForExitAsync();
            if (await Task.WhenAny(finished, Task.Delay(TimeSpan.FromMinutes(5))) != finished)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the benchmark dry run did not finish in 5 minutes");
            }
            var output = await stdout + await stderr;

            process.ExitCode.Should().Be(0, output.Length > 4000 ? output.Substring(output.Length - 4000) : output);
            output.Should().NotContain("// ERROR").And.Contain("(a) generated client").And.Contain("(b) hand-written").And.Contain("(c) HttpClient + System.Text.Json")
                .And.Contain("(a) generated client, loopback");
        }
    }
}
