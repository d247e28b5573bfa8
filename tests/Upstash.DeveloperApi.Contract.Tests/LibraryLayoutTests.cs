using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// The library's folders depend on each other in one direction only: a folder that uses a type of another
    /// is never used by it, directly or around a loop. Read from the sources: a folder uses another when one of
    /// its files names a type declared there.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class LibraryLayoutTests
    {
        private static readonly string Library = RepoPaths.Of("src", "Upstash.DeveloperApi");

        /// <summary>Folder → the folders it uses (the root folder, public configuration types, is left out: everything may use it).</summary>
        public static IReadOnlyDictionary<string, SortedSet<string>> FolderDependencies()
        {
            var files = Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .Select(f => (Folder: FolderOf(f), Text: Code(File.ReadAllText(f)))).Where(f => f.Folder != null).ToList();
            var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (folder, text) in files)
                foreach (Match declaration in Regex.Matches(text, @"\b(?:class|struct|interface|enum|record)\s+(\w+)"))
                    declaredIn.TryAdd(declaration.Groups[1].Value, folder!);
            var uses = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var (folder, text) in files)
            {
                var set = uses.TryGetValue(folder!, out var known) ? known : uses[folder!] = new SortedSet<string>(StringComparer.Ordinal);
                foreach (Match word in Regex.Matches(text, @"\b[A-Z]\w+\b"))
                    if (declaredIn.TryGetValue(word.Value, out var other) && other != folder) set.Add(other);
            }
            return uses;
        }

        [Test]
        public void The_library_has_folders_that_use_each_other() => FolderDependencies().Values.Sum(v => v.Count).Should().BeGreaterThan(5);

        [Test]
        public void No_folder_of_the_library_depends_on_itself_around_a_loop()
        {
            var uses = FolderDependencies();
            var loops = new List<string>();
            foreach (var start in uses.Keys)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var path = new Stack<string>();
                bool Reaches(string folder)
                {
                    foreach (var next in uses.TryGetValue(folder, out var set) ? set : new SortedSet<string>())
                    {
                        if (next == start) { path.Push(next); return true; }
                        if (!seen.Add(next)) continue;
                        path.Push(next);
                        if (Reaches(next)) return true;
                        path.Pop();
                    }
                    return false;
                }
                if (Reaches(start)) loops.Add(start + " -> " + string.Join(" -> ", path.Reverse()));
            }
            loops.Should().BeEmpty("a folder that one of its own dependencies uses hides a cycle: " + string.Join("; ", uses.Select(u => $"{u.Key} -> {string.Join(", ", u.Value)}")));
        }

        private static string? FolderOf(string file)
        {
            var relative = Path.GetRelativePath(Library, file).Split(Path.DirectorySeparatorChar);
            return relative.Length > 1 ? relative[0] : null;
        }

        /// <summary>The code without comments and string literals, which name types without using them.</summary>
        private static string Code(string text) =>
            Regex.Replace(Regex.Replace(text, @"//[^\n]*", string.Empty), "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }
}
