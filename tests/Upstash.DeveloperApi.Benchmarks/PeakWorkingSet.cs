using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>
    /// The peak working set of one list call, each client in a fresh process of its own: this process serves
    /// the list over loopback (Kestrel on 127.0.0.1), so the children hold only what their client holds.
    /// Row (0) is a child that starts, builds its clients and makes no call: the part of every peak that is
    /// not the list. Each figure is the median of <see cref="Runs"/> runs.
    /// Usage: <c>dotnet Upstash.DeveloperApi.Benchmarks.dll peak-memory [items [runs]]</c> (Release build).
    /// </summary>
    public static class PeakWorkingSet
    {
        private static int Runs = 3;
        private const string ChildVerb = "peak-memory-child";
        private static readonly string[] Operations = { "listAuditLogs", "listDatabases" };
        private static readonly (string Key, string Label)[] Variants =
        {
            ("none", "(0) start-up, no call"),
            ("generated", "(a) generated client"),
            ("handwritten", "(b) hand-written HttpClient + Newtonsoft"),
            ("stj", "(c) HttpClient + System.Text.Json source-gen"),
            ("enumerated", "(d) generated Enumerate…Async, item by item"),
            ("handwritten-items", "(e) hand-written HttpClient + Newtonsoft, item by item"),
        };

        /// <summary>The smaller list of the growth table: item by item, the peak for the large list is compared with the peak for this one.</summary>
        private const int SmallList = 1_000;

        public static bool IsChild(string[] args) => args.Length > 0 && args[0] == ChildVerb;

        /// <summary>The parent: serves the lists, runs every child, prints the table.</summary>
        public static async Task<int> RunAsync(string[] args)
        {
            var items = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
            if (args.Length > 2) Runs = int.Parse(args[2], CultureInfo.InvariantCulture); // the dry run of the tests: 1
            var payloads = Operations.ToDictionary(o => o, o => ListPayload.Build(o, items));
            var small = Operations.ToDictionary(o => o, o => ListPayload.Build(o, SmallList));
            var port = FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            await using var server = builder.Build();
            foreach (var operation in Operations)
            {
                var body = payloads[operation];
                server.MapGet("/" + ListPayload.PathOf(operation), async context =>
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.Body.WriteAsync(body);
                });
                var smallBody = small[operation];
                server.MapGet("/small/" + ListPayload.PathOf(operation), async context =>
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.Body.WriteAsync(smallBody);
                });
            }
            await server.StartAsync();
            var host = $"http://127.0.0.1:{port}/";

            Console.WriteLine($"Peak working set of one call, {items:N0} items, median of {Runs} fresh processes ({Environment.ProcessorCount} cores, .NET {Environment.Version}).");
            Console.WriteLine();
            Console.WriteLine("| Operation | Body | Client | Peak working set | Above start-up | vs (b), whole | vs (b), above start-up |");
            Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
            foreach (var operation in Operations)
            {
                var peaks = Variants.ToDictionary(v => v.Key, v => Median(Enumerable.Range(0, Runs).Select(_ => Child(v.Key, operation, host, items))));
                var startup = peaks["none"];
                var baseline = peaks["handwritten"];
                foreach (var (key, label) in Variants)
                {
                    var peak = peaks[key];
                    var ratios = key == "none" ? "| - | -" : $"| {(double)peak / baseline:0.00} | {(double)(peak - startup) / (baseline - startup):0.00}";
                    Console.WriteLine($"| {operation} | {MiB(payloads[operation].Length)} | {label} | {MiB(peak)} | {(key == "none" ? "-" : MiB(peak - startup))} {ratios} |");
                }
            }
            Console.WriteLine();
            Console.WriteLine($"Item by item, the peak for {items:N0} items against the peak for {SmallList:N0} (the target of the Enumerate form: at most 1.20):");
            Console.WriteLine();
            Console.WriteLine($"| Operation | Client | Peak, {SmallList:N0} items | Peak, {items:N0} items | {items:N0} / {SmallList:N0} |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            foreach (var operation in Operations)
                foreach (var (key, label) in Variants.Where(v => v.Key is "enumerated" or "handwritten-items"))
                {
                    var smallPeak = Median(Enumerable.Range(0, Runs).Select(_ => Child(key, operation, host + "small/", SmallList)));
                    var largePeak = Median(Enumerable.Range(0, Runs).Select(_ => Child(key, operation, host, items)));
                    Console.WriteLine($"| {operation} | {label} | {MiB(smallPeak)} | {MiB(largePeak)} | {(double)largePeak / smallPeak:0.00} |");
                }
            await server.StopAsync();
            return 0;
        }

        /// <summary>A child: makes one call with one client and prints its peak working set.</summary>
        public static async Task<int> RunChildAsync(string[] args)
        {
            var (variant, operation, host, items) = (args[1], args[2], new Uri(args[3]), int.Parse(args[4], CultureInfo.InvariantCulture));
            using var http = new HttpClient();
            using var calls = new ListCalls(http, host, operation);
            object? result = variant switch
            {
                "none" => null,
                "generated" => await calls.GeneratedAsync(),
                "handwritten" => await calls.HandWrittenAsync(),
                "stj" => await calls.SystemTextJsonAsync(),
                "enumerated" => await calls.EnumeratedAsync(),
                "handwritten-items" => await calls.HandWrittenItemByItemAsync(),
                _ => throw new ArgumentOutOfRangeException(nameof(args), variant, "unknown client"),
            };
            var count = result switch
            {
                int counted => counted,                                              // item by item: the count, nothing held
                System.Collections.IEnumerable list => list.Cast<object>().Count(),  // the generated list is an IReadOnlyList<T>, not an ICollection
                _ => 0,
            };
            if (variant != "none" && count != items) throw new InvalidOperationException($"{variant} read {count} items, not {items}");
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine($"peak-working-set={self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture)}");
            GC.KeepAlive(result);
            return 0;
        }

        private static long Child(string variant, string operation, string host, int items)
        {
            var self = Environment.ProcessPath!;
            var viaDotnet = string.Equals(System.IO.Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase);
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (viaDotnet) start.ArgumentList.Add(typeof(PeakWorkingSet).Assembly.Location);
            foreach (var argument in new[] { ChildVerb, variant, operation, host, items.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("peak-working-set=", StringComparison.Ordinal));
            if (process.ExitCode != 0 || line == null)
                throw new InvalidOperationException($"the {variant} child failed ({process.ExitCode}): {output} {errors.Result}");
            return long.Parse(line.Substring("peak-working-set=".Length), CultureInfo.InvariantCulture);
        }

        private static long Median(IEnumerable<long> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted[sorted.Length / 2];
        }

        private static string MiB(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
