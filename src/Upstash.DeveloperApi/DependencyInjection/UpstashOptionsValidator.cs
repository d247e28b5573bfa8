using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi.DependencyInjection
{
    /// <summary>Checks <see cref="UpstashOptions"/>; each failure names the setting and never repeats the key.</summary>
    /// <remarks>
    /// Until options were valid once, a failure fails validation (start-up stops, naming the settings). After that, a
    /// reload's failure is logged (event 4104) when the reload happens and kept on the options
    /// (<see cref="UpstashOptions.RejectedReload"/>), and validation passes: IOptionsMonitor would otherwise throw from
    /// the reload itself and on every later read, failing every call of a running service. The clients then use
    /// <see cref="LastValid"/> (<see cref="MonitoredSettings"/>).
    /// </remarks>
    internal sealed class UpstashOptionsValidator : IValidateOptions<UpstashOptions>
    {
        private readonly Diagnostics.UpstashClientLog? _log;
        private volatile UpstashOptions? _lastValid;

        public UpstashOptionsValidator(ILoggerFactory? loggerFactory = null) =>
            _log = loggerFactory == null ? null : new Diagnostics.UpstashClientLog(loggerFactory.CreateLogger("Upstash.DeveloperApi"));

        /// <summary>The latest options that passed validation (at start-up, or by a valid reload); null before any did.</summary>
        public UpstashOptions? LastValid => _lastValid;

        public ValidateOptionsResult Validate(string? name, UpstashOptions options)
        {
            var failures = Failures(options);
            if (failures.Count == 0)
            {
                _lastValid = options;
                return ValidateOptionsResult.Success;
            }
            if (_lastValid == null) return ValidateOptionsResult.Fail(failures);
            options.RejectedReload = string.Join("; ", failures);
            _log?.OptionsRejected(options.RejectedReload);
            return ValidateOptionsResult.Success;
        }

        private static List<string> Failures(UpstashOptions options)
        {
            var failures = new List<string>(options.ConfigurationProblems);
            try
            {
                options.ToCredentials();
            }
            catch (ArgumentException ex)
            {
                var which = ex.ParamName == "email" ? $"{UpstashOptions.SectionName}:Email (or {UpstashCredentials.EmailVariable})" : $"{UpstashOptions.SectionName}:ApiKey (or {UpstashCredentials.ApiKeyVariable})";
                failures.Add($"{which}: {ArgumentMessages.WithoutParameter(ex)}");
            }
            if (options.ConfigurationProblems.Count > 0) return failures; // the refused values are not checked again
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                var setting = ex.ParamName;
                failures.Add($"{UpstashOptions.SectionName}:{setting}: {ArgumentMessages.WithoutParameter(ex)}");
            }
            return failures;
        }
    }
}
