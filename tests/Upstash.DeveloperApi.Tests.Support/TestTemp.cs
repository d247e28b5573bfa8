using System;
using System.IO;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// Every folder and file the tests create lives under one root per run (<c>/tmp/upstash-tests-&lt;pid&gt;</c>),
    /// which is deleted when the run ends: a run leaves nothing behind in the temp folder.
    /// </summary>
    public static class TestTemp
    {
        private static readonly Lazy<string> RootFolder = new(() =>
            Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"upstash-tests-{Environment.ProcessId}")).FullName);

        /// <summary>The run's root folder.</summary>
        public static string Root => RootFolder.Value;

        /// <summary>A new, empty folder under the run's root, named after what it is for.</summary>
        public static DirectoryInfo CreateFolder(string prefix) => Directory.CreateDirectory(Path.Combine(Root, prefix + Guid.NewGuid().ToString("N").Substring(0, 12)));

        /// <summary>A path for a new file under the run's root.</summary>
        public static string NewFile(string name) => Path.Combine(Root, $"{Guid.NewGuid():N}-{name}");

        /// <summary>Deletes the run's root (<see cref="TestRunCleanup"/> calls it once every test has run).</summary>
        public static void DeleteTheRoot()
        {
            if (!RootFolder.IsValueCreated) return;
            try
            {
                Directory.Delete(RootFolder.Value, recursive: true);
            }
            catch (IOException)
            {
                // a child process still holds a file: the next run's root has another name
            }
            catch (UnauthorizedAccessException)
            {
                // a test made a folder unwritable on purpose and a file in it survives; the root has the run's pid
            }
        }
    }
}
