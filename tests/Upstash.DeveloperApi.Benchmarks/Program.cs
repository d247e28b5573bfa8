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
        /// the library (a dry run checks that every benchmark runs; it measures nothing).
        /// </summary>
        public static void Main(string[] args)
        {
            var config = DefaultConfig.Instance.AddColumn(StatisticColumn.P95).WithOption(ConfigOptions.JoinSummary, true);
            if (args.Contains("--allow-debug")) config = config.WithOption(ConfigOptions.DisableOptimizationsValidator, true);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Where(a => a != "--allow-debug").ToArray(), config);
        }
    }
}
