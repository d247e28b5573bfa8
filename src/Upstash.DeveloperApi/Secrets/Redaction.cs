using System;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Upstash.DeveloperApi.Errors;

namespace Upstash.DeveloperApi.Secrets
{
    /// <summary>How secrets are hidden in every text the library produces.</summary>
    internal static class Redaction
    {
        /// <summary>What stands in for a secret.</summary>
        public const string Mask = "***";

        // Candidates: runs of 20 or more characters that base64, base64url, hex and UUIDs are made of.
        private static readonly Regex CredentialLike = new Regex("[A-Za-z0-9+/_=.-]{20,}", RegexOptions.CultureInvariant);

        // The parts of ordinary text inside such a run: words, numbers, short pieces ("v2", "eu").
        private static readonly Regex OrdinaryPart = new Regex("^(?:[A-Z]?[a-z]{1,16}|[0-9]{1,12}|[A-Za-z0-9]{1,5})$", RegexOptions.CultureInvariant);

        private static readonly char[] PartSeparators = { '/', '-', '_', '.', '+', '=' };

        /// <summary>
        /// Whether a candidate run is shaped like a credential: it is, unless every part between separators
        /// reads as ordinary text, so a URL path such as <c>/v2/qstash/rotate-token/eu-central-1</c> or a
        /// hyphenated phrase stays, while a token, a password, a random lower-case string or a UUID (an API
        /// key is one) is masked.
        /// </summary>
        internal static bool IsCredentialShaped(string run)
        {
            foreach (var part in run.Split(PartSeparators))
                if (part.Length > 0 && !OrdinaryPart.IsMatch(part)) return true;
            return false;
        }

        /// <summary>Masks the credential-shaped values of <paramref name="text"/> and leaves the rest alone.</summary>
        internal static string MaskCredentialShaped(string text) =>
            CredentialLike.Replace(text, m => IsCredentialShaped(m.Value) ? Mask : m.Value);

        /// <summary>
        /// Makes server-supplied text safe for a message: the credentials the request was sent with and
        /// anything shaped like a credential (<see cref="IsCredentialShaped"/>) are masked, ordinary text is not, line breaks are folded and the text is cut to <paramref name="maxLength"/>.
        /// </summary>
        public static string? SanitizeServerText(string? text, AuthenticationHeaderValue? sentAuthorization, int maxLength = 200)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var result = ScrubSentCredentials(text!, sentAuthorization);
            result = MaskCredentialShaped(result);
            var folded = new System.Text.StringBuilder(result.Length);
            foreach (var c in result)
                folded.Append(char.IsControl(c) ? ' ' : c);
            result = folded.ToString().Trim();
            if (result.Length > maxLength) result = result.Substring(0, maxLength) + "…";
            return result.Length == 0 ? null : result;
        }

        /// <summary>
        /// Replaces the Basic credentials a request was sent with (the header value, and the API key it
        /// encodes) in <paramref name="text"/>: those, not the client's current credentials, are what a
        /// server can echo.
        /// </summary>
        public static string ScrubSentCredentials(string text, AuthenticationHeaderValue? sent)
        {
            var parameter = sent?.Parameter;
            if (string.IsNullOrEmpty(parameter) || !string.Equals(sent!.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)) return text;
            text = text.Replace(parameter, Mask);
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            }
            catch (FormatException)
            {
                return text;
            }
            var colon = decoded.IndexOf(':');
            var key = colon < 0 ? string.Empty : decoded.Substring(colon + 1);
            return key.Length == 0 ? text : text.Replace(key, Mask);
        }

        /// <summary>
        /// An inner exception safe to attach: exception messages from parsers and sockets can quote the
        /// data they choked on, so only the type and, for JSON, the position are kept.
        /// </summary>
        public static Exception? SafeInner(Exception? inner)
        {
            switch (inner)
            {
                case null:
                    return null;
                case Newtonsoft.Json.JsonReaderException reader:
                    return new RedactedException(reader.GetType(), $"at path '{SafePath(reader.Path)}'" + (reader.LineNumber > 0 ? $", line {reader.LineNumber}, position {reader.LinePosition}" : string.Empty));
                case Newtonsoft.Json.JsonSerializationException serialization:
                    return new RedactedException(serialization.GetType(), $"at path '{SafePath(serialization.Path)}'");
                default:
                    return new RedactedException(inner.GetType(), null);
            }
        }

        /// <summary>A JSON path is made of property names from the response; keep it only while it looks like one.</summary>
        public static string SafePath(string? path)
        {
            if (string.IsNullOrEmpty(path)) return "$";
            return path!.Length <= 64 && Regex.IsMatch(path, "^[A-Za-z0-9_.\\[\\]]*$") ? path : "(path withheld)";
        }
    }
}
