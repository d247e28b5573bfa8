using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi
{
    /// <summary>
    /// The library's rule of which values are secret, for code that shows the service's answers itself (a CLI, a
    /// log of your own): the same rule that masks every model's <c>ToString</c> and every message.
    /// </summary>
    public static class UpstashSecrets
    {
        /// <summary>What stands in for a masked value: <c>***</c>.</summary>
        public const string Mask = Redaction.Mask;

        /// <summary>
        /// Whether a field (or option) of this name holds a secret: a word of the name is token, password, secret or
        /// credential, or it is an api, private, access or secret key (<c>password</c>, <c>read_only_rest_token</c>,
        /// <c>api-key</c>).
        /// </summary>
        /// <remarks>Null and empty names are not secret.</remarks>
        /// <param name="name">A JSON field name or an option name, in any case and with any separators.</param>
        public static bool IsSecretName(string? name) => SecretNames.IsSecret(name);
    }
}
