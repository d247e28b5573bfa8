using System;
using System.IO;
using System.Linq;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>Writing results and messages.</summary>
    /// <remarks>
    /// A result is written whole or not at all, and a failing stream (a full disk, a closed descriptor) is a reported
    /// outcome, not a crash.
    /// </remarks>
    internal static class CliOutput
    {
        /// <summary>Writes <paramref name="text"/> and flushes; false with the reason when the stream fails.</summary>
        public static bool TryWrite(TextWriter writer, string text, out string failure)
        {
            try
            {
                writer.Write(text);
                writer.Flush();
                failure = string.Empty;
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                failure = ex is ObjectDisposedException ? "the stream is closed" : (ex.InnerException ?? ex).Message;
                return false;
            }
        }

        /// <summary>Text as one line a terminal shows as it is: control characters (a forged line break, an escape sequence) are dropped.</summary>
        public static string Printable(string text) => new string(text.Where(c => !char.IsControl(c)).ToArray());

        /// <summary>An argument error's message without the " (Parameter 'x')" that .NET appends: the tool names the setting itself.</summary>
        public static string WithoutParameter(ArgumentException exception) =>
            exception.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0];

        /// <summary>Writes a message line to standard error; a failing standard error is ignored (there is nowhere left to say it).</summary>
        public static void Message(CliEnvironment env, string line) => TryWrite(env.Error, line + Environment.NewLine, out _);
    }

    /// <summary>Bad input the user can fix: the message says what, the exit code says which kind.</summary>
    internal sealed class CliInputException : Exception
    {
        public CliInputException(string message, int exitCode) : base(message) => ExitCode = exitCode;

        public int ExitCode { get; }
    }
}
