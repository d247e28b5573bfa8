using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>What the CLI reads from and writes to, so tests can run it in-process.</summary>
    /// <param name="In">Standard input (the confirmation prompt, drift-check's "-").</param>
    /// <param name="Out">Standard output: results only.</param>
    /// <param name="Error">Standard error: prompts, progress, errors.</param>
    /// <param name="GetVariable">Reads an environment variable.</param>
    /// <param name="WorkingDirectory">Where the .env file is looked for.</param>
    /// <param name="InputIsInteractive">Whether a person can answer the confirmation prompt.</param>
    public sealed record CliEnvironment(TextReader In, TextWriter Out, TextWriter Error, Func<string, string?> GetVariable, string WorkingDirectory, bool InputIsInteractive)
    {
        /// <summary>Whether standard output is a terminal (a person reads it, no file or log keeps it).</summary>
        public bool OutputIsTerminal { get; init; }

        /// <summary>Why standard output cannot take a result (it is closed), or null when it can; asked before anything is sent.</summary>
        public Func<string?> OutputProblem { get; init; } = () => null;

        /// <summary>Opens the controlling terminal for writing, or gives null when the process has none.</summary>
        public Func<TextWriter?> OpenTerminal { get; init; } = () => null;

        /// <summary>The process's console and environment.</summary>
        public static CliEnvironment FromProcess() =>
            new(Console.In, StandardOutput(), Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), !Console.IsInputRedirected)
            {
                OutputIsTerminal = !Console.IsOutputRedirected,
                OutputProblem = StandardOutputProblem,
                OpenTerminal = Terminal,
            };

        /// <summary>
        /// A closed descriptor 1 (<c>&gt;&amp;-</c>): <c>fcntl(1, F_GETFL)</c> fails, or finds it open for reading only
        /// (the runtime's first open() after start-up takes the lowest free descriptor, so a closed 1 is soon a file it reads).
        /// </summary>
        private static string? StandardOutputProblem()
        {
            if (OperatingSystem.IsWindows()) return null;
            try
            {
                var flags = Fcntl(1, 3 /* F_GETFL */);
                return flags < 0 || (flags & 3 /* O_ACCMODE */) == 0 /* O_RDONLY */ ? "standard output is closed (or not open for writing)" : null;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return null;
            }
        }

        [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        private static extern int Fcntl(int fd, int command);

        private static TextWriter? Terminal()
        {
            if (OperatingSystem.IsWindows()) return null;
            try
            {
                return new StreamWriter(new FileStream("/dev/tty", FileMode.Open, FileAccess.Write), new UTF8Encoding(false)) { AutoFlush = true };
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>
        /// Standard output as a stream that reports every failed write. .NET's console writer ignores a broken pipe
        /// (EPIPE: the reader exited), so a new token written into a pipe nobody reads would count as written and the
        /// tool would exit 0; written through its own file stream, the write fails and the command says so.
        /// </summary>
        /// <remarks>
        /// Only a stream without a position (a pipe, a socket, a terminal) is written so: a file stream keeps its own
        /// offset and would leave the shell's offset of a redirected file behind (<c>(upstash-devapi …; echo done) &gt;
        /// out</c> would overwrite the result). Files, Windows and a closed descriptor keep the console's writer, which
        /// reports a full disk and a closed descriptor itself.
        /// </remarks>
        private static TextWriter StandardOutput()
        {
            if (OperatingSystem.IsWindows()) return Console.Out;
            try
            {
                var stream = new FileStream(new SafeFileHandle((IntPtr)1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (stream.CanSeek)
                {
                    stream.Dispose(); // the descriptor stays open: the handle does not own it
                    return Console.Out;
                }
                return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096) { AutoFlush = true };
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is UnauthorizedAccessException)
            {
                return Console.Out;
            }
        }
    }
}
