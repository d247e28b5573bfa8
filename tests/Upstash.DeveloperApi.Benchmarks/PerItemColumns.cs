using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Upstash.DeveloperApi.Benchmarks
{
    /// <summary>Adds "µs/item" and "B/item" to a benchmark whose parameter "Items" is the list length: mean time and allocation divided by it.</summary>
    public sealed class PerItemConfig : ManualConfig
    {
        public PerItemConfig()
        {
            AddColumn(new PerItemColumn(time: true), new PerItemColumn(time: false));
        }
    }

    /// <summary>One of the per-item columns.</summary>
    public sealed class PerItemColumn : IColumn
    {
        private readonly bool _time;

        public PerItemColumn(bool time) => _time = time;

        public string Id => _time ? "PerItem.Time" : "PerItem.Bytes";

        public string ColumnName => _time ? "µs/item" : "B/item";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => _time ? 0 : 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => _time ? "Mean time per list item, in microseconds" : "Bytes allocated per list item";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report == null || benchmarkCase.Parameters["Items"] is not int items || items <= 0) return "-";
            if (_time)
            {
                var mean = report.ResultStatistics?.Mean;
                return mean == null ? "-" : (mean.Value / 1000.0 / items).ToString("0.000", CultureInfo.InvariantCulture);
            }
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes == null ? "-" : ((double)bytes.Value / items).ToString("0", CultureInfo.InvariantCulture);
        }
    }
}
