using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>Where a secret could surface: an exception's message, its ToString (inner exceptions and all), its Data.</summary>
    public static class Leaks
    {
        public static string VisibleText(Exception exception)
        {
            var parts = new List<string> { exception.ToString() };
            for (var e = exception; e != null; e = e.InnerException)
            {
                parts.Add(e.Message);
                parts.AddRange(e.Data.Keys.Cast<object>().Select(k => k + "=" + e.Data[k]));
                if (e is UpstashApiException api) parts.Add(api.ErrorText ?? string.Empty);
            }
            return string.Join("\n", parts);
        }

        public static void ShouldNotContainAny(this string text, IEnumerable<string> secrets, string where)
        {
            foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
                text.Contains(secret, StringComparison.Ordinal).Should().BeFalse($"a secret must not appear in {where} (secret length {secret.Length})");
        }
    }
}
