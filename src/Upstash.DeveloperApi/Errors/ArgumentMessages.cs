using System;

namespace Upstash.DeveloperApi.Errors
{
    internal static class ArgumentMessages
    {
        /// <summary>An argument error's message without the " (Parameter 'x')" that .NET appends, for messages that name the setting themselves.</summary>
        public static string WithoutParameter(ArgumentException exception) =>
            exception.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0];
    }
}
