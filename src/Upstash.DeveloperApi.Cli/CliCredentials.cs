using System;
using System.Collections.Generic;
using System.IO;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// Where rotate-token's credentials come from, in the order Upstash's own CLI uses: the options, then the
    /// environment, then a .env file.
    /// </summary>
    /// <remarks>An error names the source the bad value came from.</remarks>
    internal static class CliCredentials
    {
        /// <param name="env">The process environment.</param>
        /// <param name="email">The --email value, or null when the option was not given.</param>
        /// <param name="apiKey">The --api-key value, or null when the option was not given.</param>
        /// <param name="envFile">The --env-file value, or null for the default <c>.env</c> (which may be absent).</param>
        /// <exception cref="CliInputException">A value or the file is missing or malformed.</exception>
        public static UpstashCredentials Resolve(CliEnvironment env, string? email, string? apiKey, string? envFile)
        {
            var fileName = envFile ?? ".env";
            var dotEnv = ReadDotEnv(Path.Combine(env.WorkingDirectory, fileName), fileName, required: envFile != null);

            (string Value, string Source)? Pick(string? flag, string flagName, string variable)
            {
                if (flag != null) return (flag, flagName);
                var fromEnvironment = env.GetVariable(variable);
                if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (fromEnvironment!, $"{variable} (environment)");
                if (dotEnv.TryGetValue(variable, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile)) return (fromFile, $"{variable} in {fileName}");
                return null;
            }

            var emailPick = Pick(email, "--email", UpstashCredentials.EmailVariable);
            var keyPick = Pick(apiKey, "--api-key", UpstashCredentials.ApiKeyVariable);
            if (emailPick == null || keyPick == null)
            {
                var missing = emailPick == null && keyPick == null ? "no account email and no Developer API key"
                    : emailPick == null ? "no account email" : "no Developer API key";
                throw new CliInputException(
                    $"{missing}: pass --email and --api-key, or set {UpstashCredentials.EmailVariable} and {UpstashCredentials.ApiKeyVariable} " +
                    $"(in the environment or in {fileName}). The key is a Developer API key from the Upstash console.", ExitCodes.Configuration);
            }
            try
            {
                return UpstashCredentials.Create(emailPick.Value.Value, emailPick.Value.Source, keyPick.Value.Value, keyPick.Value.Source);
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException(CliOutput.WithoutParameter(ex), ExitCodes.Configuration);
            }
        }

        private static IReadOnlyDictionary<string, string> ReadDotEnv(string path, string name, bool required)
        {
            if (Directory.Exists(path)) throw new CliInputException($"--env-file: '{name}' is a folder, not a .env file.", ExitCodes.Usage);
            if (!File.Exists(path))
            {
                if (required) throw new CliInputException($"--env-file: '{name}': no such file.", ExitCodes.Usage);
                return new Dictionary<string, string>();
            }
            try
            {
                return DotEnvFile.Read(path);
            }
            catch (FormatException ex)
            {
                throw new CliInputException($"{name}: {ex.Message}", ExitCodes.Usage);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CliInputException($"{name}: cannot be read ({(ex.InnerException ?? ex).Message}).", ExitCodes.Usage);
            }
        }
    }
}
