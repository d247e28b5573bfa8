using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi.DependencyInjection
{
    /// <summary>Checks <see cref="UpstashOptions"/> at start-up; each failure names the setting and never repeats the key.</summary>
    internal sealed class UpstashOptionsValidator : IValidateOptions<UpstashOptions>
    {
        public ValidateOptionsResult Validate(string? name, UpstashOptions options)
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
            if (options.ConfigurationProblems.Count > 0) return ValidateOptionsResult.Fail(failures); // the refused values are not checked again
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                var setting = ex.ParamName;
                failures.Add($"{UpstashOptions.SectionName}:{setting}: {ArgumentMessages.WithoutParameter(ex)}");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
