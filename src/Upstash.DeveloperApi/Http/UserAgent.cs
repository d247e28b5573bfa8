using System.Reflection;
using System.Runtime.InteropServices;

namespace Upstash.DeveloperApi.Http
{
    /// <summary>
    /// The User-Agent of every request, as the Azure SDK writes its own: the package and its version, then the runtime
    /// and the OS (<c>Upstash.DeveloperApi/2.0.0 (.NET 10.0.1; Linux 6.1 …)</c>).
    /// </summary>
    /// <remarks>Worked out once.</remarks>
    internal static class UserAgent
    {
        public static readonly string Value = Build();

        private static string Build()
        {
            var assembly = typeof(UserAgent).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            var plus = version.IndexOf('+');
            if (plus >= 0) version = version.Substring(0, plus); // the commit is not the user's concern
            return $"Upstash.DeveloperApi/{version} ({Printable(RuntimeInformation.FrameworkDescription)}; {Printable(RuntimeInformation.OSDescription)})";
        }

        /// <summary>A comment of a product token: no parentheses or control characters from the platform's strings.</summary>
        private static string Printable(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
                if (chars[i] == '(' || chars[i] == ')' || chars[i] < ' ' || chars[i] > '~') chars[i] = ' ';
            return new string(chars).Trim();
        }
    }
}
