using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi.DependencyInjection
{
    /// <summary>
    /// Binds the <c>Upstash</c> section to <see cref="UpstashOptions"/>, setting by setting, with one form for every
    /// duration, .NET's <c>[d.]hh:mm:ss[.fff]</c> (<c>00:00:30</c>).
    /// </summary>
    /// <remarks>
    /// A bare number is refused by name: .NET would read <c>10</c> as ten days, where the CLI's <c>--timeout 10</c> means
    /// seconds. A value that does not bind is a start-up failure naming its setting, never a surprise at the first call;
    /// the other settings bind as usual.
    /// </remarks>
    internal static class SectionBinding
    {
        private static readonly PropertyInfo[] Settings = typeof(UpstashOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite).ToArray();

        public static void Bind(IConfigurationSection section, UpstashOptions options)
        {
            // 1.x named the base address BaseUrl: the old key would otherwise be ignored, and the real service called.
            if (section["BaseUrl"] != null)
                options.ConfigurationProblems.Add($"{UpstashOptions.SectionName}:BaseUrl is now {UpstashOptions.SectionName}:BaseAddress, the name UpstashClientOptions uses: rename the setting.");
            // Setting by setting, so that one bad value is reported alone and every other setting still binds.
            foreach (var property in Settings)
            {
                if (section[property.Name] is not string text) continue;
                if (property.PropertyType == typeof(TimeSpan) && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    options.ConfigurationProblems.Add(
                        $"{UpstashOptions.SectionName}:{property.Name}: '{text.Trim()}' is a bare number, which .NET would read as days. " +
                        "Write a duration as [d.]hh:mm:ss[.fff]: 00:00:30 is 30 seconds, 00:00:00.200 is 200 milliseconds.");
                    continue;
                }
                try
                {
                    property.SetValue(options, section.GetSection(property.Name).Get(property.PropertyType));
                }
                catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is ArgumentException refused)
                {
                    // The setter's own check (BaseAddress: https, no user info); the message never quotes the address.
                    options.ConfigurationProblems.Add($"{UpstashOptions.SectionName}:{property.Name}: {ArgumentMessages.WithoutParameter(refused)}");
                }
                catch (InvalidOperationException)
                {
                    // The binder's own message quotes the value, which may be a key pasted into the wrong setting: this one does not.
                    var expected = property.PropertyType == typeof(TimeSpan) ? "a duration. Write it as [d.]hh:mm:ss[.fff] (00:00:30)."
                        : property.PropertyType == typeof(int) ? "a whole number." : $"a {property.PropertyType.Name}.";
                    options.ConfigurationProblems.Add($"{UpstashOptions.SectionName}:{property.Name}: the value cannot be read as {expected}");
                }
            }
        }
    }
}
