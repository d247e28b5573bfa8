using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Upstash.DeveloperApi.DependencyInjection
{
    /// <summary>
    /// Binds the <c>Upstash</c> section to <see cref="UpstashOptions"/> with one form for every duration,
    /// .NET's <c>[d.]hh:mm:ss[.fff]</c> (<c>00:00:30</c>). A bare number is refused by name: .NET would read
    /// <c>10</c> as ten days, where the CLI's <c>--timeout 10</c> means seconds. A value that does not bind is
    /// a start-up failure naming its setting, never a surprise at the first call.
    /// </summary>
    internal static class ConfigurationDurations
    {
        private static readonly string[] Durations = typeof(UpstashOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(TimeSpan)).Select(p => p.Name).ToArray();

        public static void Bind(IConfigurationSection section, UpstashOptions options)
        {
            foreach (var name in Durations)
                if (section[name] is string value && double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    options.ConfigurationProblems.Add(
                        $"{UpstashOptions.SectionName}:{name}: '{value.Trim()}' is a bare number, which .NET reads as {number} day(s). " +
                        $"Write a duration as hh:mm:ss: {Example(number)} for {number} second(s).");
            if (options.ConfigurationProblems.Count > 0) return;
            try
            {
                section.Bind(options);
            }
            catch (InvalidOperationException ex)
            {
                // "Failed to convert configuration value at 'Upstash:Timeout' to type 'System.TimeSpan'."
                options.ConfigurationProblems.Add($"{ex.Message} Durations are written hh:mm:ss (00:00:30).");
            }
        }

        private static string Example(double seconds) =>
            seconds >= 0 && seconds < 86400 ? TimeSpan.FromSeconds(seconds).ToString(seconds % 1 == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture) : "00:00:30";
    }
}
