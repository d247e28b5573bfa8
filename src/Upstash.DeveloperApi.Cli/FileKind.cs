using System;
using System.Runtime.InteropServices;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// Whether a path names a device, a named pipe or a socket rather than a regular file. .NET does not say
    /// (its attributes have no file type on Unix), so this asks <c>stat(2)</c> and reads <c>st_mode</c> where the
    /// platform's <c>struct stat</c> keeps it; elsewhere it answers false and the file is treated as regular.
    /// </summary>
    internal static class FileKind
    {
        private const int TypeMask = 0xF000; // S_IFMT
        private const int Regular = 0x8000;  // S_IFREG
        private const int Folder = 0x4000;   // S_IFDIR

        public static bool IsSpecial(string path)
        {
            var offset = ModeOffset();
            if (offset < 0) return false;
            var buffer = Marshal.AllocHGlobal(512);
            try
            {
                if (Stat(path, buffer) != 0) return false;
                var type = (OperatingSystem.IsMacOS() ? Marshal.ReadInt16(buffer, offset) & 0xFFFF : Marshal.ReadInt32(buffer, offset)) & TypeMask;
                return type != Regular && type != Folder;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return false;
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        /// <summary>Where st_mode is: Linux x64 after dev, ino, nlink (24); Linux arm64 after dev, ino (16); macOS after a 32-bit dev (4).</summary>
        private static int ModeOffset() =>
            OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24
            : OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 16
            : OperatingSystem.IsMacOS() ? 4
            : -1;

        [DllImport("libc", EntryPoint = "stat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int Stat(string path, IntPtr buffer);
    }
}
