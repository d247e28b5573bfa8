using System;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The credentials of the Upstash Developer API: HTTP Basic auth with the account email as the
    /// user name and a Developer API key as the password (what <c>curl -u EMAIL:API_KEY</c> sends).
    /// </summary>
    /// <remarks>The API key never appears in <see cref="ToString"/>, in the debugger or in an exception message.</remarks>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class UpstashCredentials
    {
        /// <summary>The environment variable that holds the account email (as Upstash's CLI and Terraform provider read it).</summary>
        public const string EmailVariable = "UPSTASH_EMAIL";

        /// <summary>The environment variable that holds the Developer API key (as Upstash's CLI and Terraform provider read it).</summary>
        public const string ApiKeyVariable = "UPSTASH_API_KEY";

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly string _apiKey;

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly AuthenticationHeaderValue _header;

        /// <summary>Creates credentials from an account email and a Developer API key.</summary>
        /// <param name="email">The Upstash account email (the Basic auth user name).</param>
        /// <param name="apiKey">A Developer API key from the Upstash console (the Basic auth password).</param>
        /// <exception cref="ArgumentException">A value is missing or malformed; the message names it and never repeats the key.</exception>
        public UpstashCredentials(string email, string apiKey)
            : this(ValidateEmail(email, nameof(email), "The email"), ValidateApiKey(apiKey, nameof(apiKey), "The API key"), validated: true)
        {
        }

        private UpstashCredentials(string email, string apiKey, bool validated)
        {
            Email = email;
            _apiKey = apiKey;
            _header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Email + ":" + _apiKey)));
        }

        /// <summary>
        /// Creates credentials whose errors name where each value came from (<paramref name="emailSource"/>,
        /// <paramref name="apiKeySource"/>: a variable, a command-line option, a file), for hosts that read them
        /// from several places.
        /// </summary>
        /// <param name="email">The account email.</param>
        /// <param name="emailSource">Where the email came from (<c>--email</c>, <c>UPSTASH_EMAIL</c>).</param>
        /// <param name="apiKey">A Developer API key.</param>
        /// <param name="apiKeySource">Where the key came from (<c>--api-key</c>, <c>.env</c>).</param>
        /// <exception cref="ArgumentException">A value is missing or malformed; the message starts with its source and never repeats the key.</exception>
        public static UpstashCredentials Create(string email, string emailSource, string apiKey, string apiKeySource) =>
            new(ValidateEmail(email, "email", emailSource), ValidateApiKey(apiKey, "apiKey", apiKeySource), validated: true);

        /// <summary>The account email (the Basic auth user name).</summary>
        /// <remarks>Not a secret.</remarks>
        public string Email { get; }

        /// <summary>
        /// Reads <c>UPSTASH_EMAIL</c> and <c>UPSTASH_API_KEY</c> from the environment.
        /// </summary>
        /// <exception cref="UpstashConfigurationException">A variable is missing, empty or malformed; the message names it.</exception>
        public static UpstashCredentials FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

        /// <summary>Reads <c>UPSTASH_EMAIL</c> and <c>UPSTASH_API_KEY</c> through <paramref name="getVariable"/> (for hosts with their own configuration).</summary>
        /// <param name="getVariable">Returns the value of a variable, or null when it is not set.</param>
        /// <exception cref="UpstashConfigurationException">A variable is missing, empty or malformed; the message names it.</exception>
        public static UpstashCredentials FromEnvironment(Func<string, string?> getVariable)
        {
            if (getVariable == null) throw new ArgumentNullException(nameof(getVariable));
            var email = getVariable(EmailVariable);
            var apiKey = getVariable(ApiKeyVariable);
            if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(apiKey))
                throw new UpstashConfigurationException($"Neither {EmailVariable} nor {ApiKeyVariable} is set. Set both: the account email and a Developer API key from the Upstash console.");
            if (string.IsNullOrWhiteSpace(email))
                throw new UpstashConfigurationException($"{EmailVariable} is not set. Set it to the email of your Upstash account.");
            if (string.IsNullOrWhiteSpace(apiKey))
                throw new UpstashConfigurationException($"{ApiKeyVariable} is not set. Set it to a Developer API key from the Upstash console.");
            try
            {
                return Create(email!, EmailVariable, apiKey!, ApiKeyVariable);
            }
            catch (ArgumentException ex)
            {
                throw new UpstashConfigurationException(ArgumentMessages.WithoutParameter(ex));
            }
        }

        /// <summary>The <c>Authorization</c> header value.</summary>
        /// <remarks>Internal: it holds the key.</remarks>
        internal AuthenticationHeaderValue AuthorizationHeader => _header;

        /// <summary>Shows the email and masks the key.</summary>
        public override string ToString() => $"UpstashCredentials {{ Email = {Email}, ApiKey = {Redaction.Mask} }}";

        private static string ValidateEmail(string email, string paramName, string label)
        {
            if (email == null) throw new ArgumentNullException(paramName, $"{label} is required: the email of your Upstash account.");
            var trimmed = email.Trim();
            if (trimmed.Length == 0) throw new ArgumentException($"{label} is empty: give the email of your Upstash account.", paramName);
            if (trimmed.IndexOf(':') >= 0) throw new ArgumentException($"{label} contains ':', which HTTP Basic auth cannot carry in a user name.", paramName);
            if (HasControlCharacter(trimmed)) throw new ArgumentException($"{label} contains a control character (a line break or tab?).", paramName);
            var at = trimmed.IndexOf('@');
            if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@', at + 1) >= 0 || HasWhiteSpace(trimmed))
                throw new ArgumentException($"{label} is not an email address: it needs one '@' with text on both sides, and no spaces.", paramName);
            return trimmed;
        }

        private static string ValidateApiKey(string apiKey, string paramName, string label)
        {
            if (apiKey == null) throw new ArgumentNullException(paramName, $"{label} is required: create a Developer API key in the Upstash console.");
            var trimmed = apiKey.Trim();
            if (trimmed.Length == 0) throw new ArgumentException($"{label} is empty: give a Developer API key from the Upstash console.", paramName);
            if (HasControlCharacter(trimmed)) throw new ArgumentException($"{label} contains a control character (a line break or tab?); copy it again without them.", paramName);
            if (trimmed.IndexOf(' ') >= 0) throw new ArgumentException($"{label} contains a space; a Developer API key has none.", paramName);
            return trimmed;
        }

        private static bool HasWhiteSpace(string value)
        {
            foreach (var c in value)
                if (char.IsWhiteSpace(c)) return true;
            return false;
        }

        private static bool HasControlCharacter(string value)
        {
            foreach (var c in value)
                if (char.IsControl(c)) return true;
            return false;
        }
    }
}
