using System;
using System.IO;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>Paths in the repository the tests run from.</summary>
    public static class RepoPaths
    {
        public static string Root
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "GeneratedClient.sln"))) return dir.FullName;
                throw new DirectoryNotFoundException("GeneratedClient.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Of(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
