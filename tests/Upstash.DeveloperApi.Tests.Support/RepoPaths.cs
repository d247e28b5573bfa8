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

        /// <summary>
        /// The tool as its own build left it (src/…Cli/bin/&lt;configuration&gt;/net10.0/upstash-devapi.dll), with its own
        /// runtimeconfig and deps: the copy in the test folder runs on the test host's frameworks, not on the tool's.
        /// </summary>
        public static string Tool
        {
            get
            {
                var tfm = new DirectoryInfo(System.AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
                return Of("src", "Upstash.DeveloperApi.Cli", "bin", tfm.Parent!.Name, tfm.Name, "upstash-devapi.dll");
            }
        }
    }
}
