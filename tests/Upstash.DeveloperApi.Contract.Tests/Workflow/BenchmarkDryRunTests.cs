using System;
using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests.Workflow
{
    /// <summary>
    /// Keeps the BenchmarkDotNet project working: every benchmark runs once (Dry job, in process).
    /// Timings are printed by BenchmarkDotNet but never asserted: shared 2-core machines are too noisy.
    /// </summary>
    [TestFixture]
    [Category("Benchmarks")]
    [Parallelizable(ParallelScope.Self)] // a child-process test: it runs beside the others (the benchmarks the solution built), one fixture at a time each
    public sealed class BenchmarkDryRunTests
    {
        [Test]
        public async Task Every_benchmark_runs_once()
        {
            var dll = BenchmarksDll();

            var (exit, output) = await DotnetProcess.RunAsync(Path.GetDirectoryName(dll)!,
                new[] { dll, "--filter", "*", "--job", "Dry", "--inProcess", "--allow-debug", "--artifacts", Path.Combine(TestTemp.Root, "bdn-dry") });

            exit.Should().Be(0, DotnetProcess.Tail(output));
            output.Should().NotContain("// ERROR").And.NotContain("Benchmarks with issues").And.NotContain("Exception",
                    "a benchmark that throws is reported as NA, and BenchmarkDotNet still exits 0")
                .And.Contain("(a) generated client").And.Contain("(b) hand-written").And.Contain("(c) HttpClient + System.Text.Json")
                .And.Contain("(a) generated client, loopback").And.Contain("(a) generated client, list").And.Contain("µs/item");
        }

        [Test]
        public async Task The_peak_memory_run_works_end_to_end_on_a_small_list()
        {
            // The same run as the README's, over loopback, at 10 items: every client reads every item from
            // the path the document gives its operation (a child that reads fewer items, or none, fails it).
            var dll = BenchmarksDll();

            var (exit, output) = await DotnetProcess.RunAsync(Path.GetDirectoryName(dll)!, new[] { dll, "peak-memory", "10", "1" });

            exit.Should().Be(0, DotnetProcess.Tail(output));
            foreach (var operation in new[] { "listAuditLogs", "listDatabases" })
            {
                output.Should().Contain($"| {operation} |").And.Contain("(a) generated client |").And.Contain("(b) hand-written HttpClient + Newtonsoft |")
                    .And.Contain("(d) generated Enumerate…Async, item by item |").And.Contain("(e) hand-written HttpClient + Newtonsoft, item by item |");
            }
            output.Should().Contain("Item by item, the peak for 10 items against the peak for 1,000");
        }

        private static string BenchmarksDll()
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var dll = Path.Combine(RepoPaths.Root, "tests", "Upstash.DeveloperApi.Benchmarks", "bin", configuration, "net10.0", "Upstash.DeveloperApi.Benchmarks.dll");
            File.Exists(dll).Should().BeTrue($"the benchmarks are built with the solution ({dll})");
            return dll;
        }
    }
}
