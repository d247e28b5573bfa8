using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Upstash.DeveloperApi.Benchmarks
{
    public static class Program
    {
        /// <summary>
        /// BenchmarkDotNet's command line, plus --allow-debug: lets the CI dry run use the Debug build of
        /// the library (a dry run checks that every benchmark runs; it measures nothing). The verb
        /// <c>peak-memory [items]</c> measures the peak working set of one list call instead (see <see cref="PeakWorkingSet"/>).
        /// </summary>
        public static int Main(string[] args)
        {
            // Not BenchmarkDotNet: the peak working set of one list call, each client in a process of its own.
            if (PeakWorkingSet.IsChild(args)) return PeakWorkingSet.RunChildAsync(args).GetAwaiter().GetResult();
            if (args.Length > 0 && args[0] == "peak-memory") return PeakWorkingSet.RunAsync(args).GetAwaiter().GetResult();

            var config = DefaultConfig.Instance.AddColumn(StatisticColumn.P95).WithOption(ConfigOptions.JoinSummary, true);
            if (args.Contains("--allow-debug")) config = config.WithOption(ConfigOptions.DisableOptimizationsValidator, true);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Where(a => a != "--allow-debug").ToArray(), config);
            return 0;
        }
    }
}
