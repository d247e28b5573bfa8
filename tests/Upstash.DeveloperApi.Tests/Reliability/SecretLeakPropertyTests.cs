using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    /// <summary>
    /// Property: for random secrets (API key, token, password), every error path and every partial
    /// success keeps them out of exception messages, ToString (inner exceptions included), the
    /// model's ToString and every log line, even when the server echoes them back.
    /// </summary>
    [TestFixture]
    [Category("Reliability")]
    public sealed class SecretLeakPropertyTests
    {
        public const int Runs = 300;

        private static readonly char[] Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".ToCharArray();
        private static readonly char[] KeyChars = Enumerable.Range(33, 94).Select(i => (char)i).Where(c => c != ':').ToArray();

        public sealed record Secrets(string ApiKey, string Token, string Password);

        /// <summary>Upstash tokens and passwords are base64 strings; the API key is any printable text without spaces.</summary>
        private static Gen<string> SecretOf(char[] alphabet, int min, int max) =>
            Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet), n)).Select(cs => new string(cs));

        private static readonly Gen<Secrets> SecretsGen =
            from key in SecretOf(KeyChars, 8, 64)
            from token in SecretOf(Base64, 24, 96)
            from password in SecretOf(Base64, 24, 96)
            where key.Trim().Length > 0
            select new Secrets(key, token + "=", password);

        /// <summary>The responses a server could send that carry the secrets back: every documented and some undocumented statuses, broken successes.</summary>
        public static IEnumerable<(string Name, Func<Secrets, HttpResponseMessage> Respond)> Paths(Secrets s)
        {
            var success = Examples.ResetQStashToken;
            success["token"] = s.Token;
            success["password"] = s.Password;
            var successJson = success.ToString(Formatting.None);
            var echo = new[]
            {
                ("json error", $"{{\"error\":\"invalid key {s.ApiKey} for token {s.Token}\"}}", "application/json"),
                ("json string", JsonConvert.SerializeObject($"bad credentials {s.ApiKey}:{s.Password}"), "application/json"),
                ("json with secrets", $"{{\"token\":\"{s.Token}\",\"password\":\"{s.Password}\",\"message\":\"{s.Token}\"}}", "application/json"),
                ("plain text", $"Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(TestCredentials.Email + ":" + s.ApiKey))} token {s.Token}", "text/plain"),
                ("html", $"<html><body>{s.Token} {s.Password} {s.ApiKey}</body></html>", "text/html"),
            };
            foreach (var status in new[] { 400, 401, 403, 404, 405, 406, 418, 429, 500, 502, 503 })
                foreach (var (name, body, type) in echo)
                    yield return ($"{status} {name}", _ => Respond(status, body, type));
            yield return ("200 cut before the token", _ => Respond(200, successJson.Substring(0, successJson.IndexOf("\"token\"", StringComparison.Ordinal) + 15), "application/json"));
            yield return ("200 cut after the token", _ => Respond(200, successJson.Substring(0, successJson.IndexOf("\"active\"", StringComparison.Ordinal) + 3), "application/json"));
            yield return ("200 html", _ => Respond(200, $"<html>{s.Token}</html>", "text/html"));
            yield return ("200 malformed fields", _ =>
            {
                var broken = (JObject)success.DeepClone();
                broken["max_retries"] = s.Password;
                broken["id"] = new JArray(s.Token); // a string field sent as another type, holding a secret
                return Respond(200, broken.ToString(Formatting.None), "application/json");
            });
            yield return ("200 complete", _ => Respond(200, successJson, "application/json"));
        }

        private static HttpResponseMessage Respond(int status, string body, string contentType)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            if (status == 429 || status == 503) response.Headers.TryAddWithoutValidation("Retry-After", "3600");
            return response;
        }

        private static int _checkedPaths;

        [Test]
        public void No_secret_leaks_through_any_error_path()
        {
            _checkedPaths = 0;
            var property = Prop.ForAll(SecretsGen.ToArbitrary(), secrets => NoLeak(secrets));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true), property);
            TestContext.Out.WriteLine($"secret-leak property: {Runs} secret sets x {_checkedPaths / Runs} paths = {_checkedPaths} checks, 0 leaks");
        }

        private static bool NoLeak(Secrets secrets)
        {
            var credentials = new UpstashCredentials(TestCredentials.Email, secrets.ApiKey);
            var header = credentials.AuthorizationHeader.Parameter!;
            var all = new[] { secrets.ApiKey, secrets.Token, secrets.Password, header };
            foreach (var (name, respond) in Paths(secrets))
            {
                var logger = new CapturingLogger();
                var handler = new StubHandler(_ => respond(secrets));
                using var client = new QStashClient(new HttpClient(handler), credentials, new UpstashClientOptions { MaxRetries = 0 }, logger);
                var visible = new StringBuilder();
                try
                {
                    var user = client.ResetQStashTokenAsync(CancellationToken.None).GetAwaiter().GetResult();
                    visible.Append(user.ToString()).Append(string.Join(" ", user.ReadIssues));
                }
                catch (UpstashApiException ex)
                {
                    visible.Append(Leaks.VisibleText(ex));
                }
                visible.Append(logger.AllText()).Append(credentials.ToString());
                var text = visible.ToString();
                foreach (var secret in all)
                    if (text.Contains(secret, StringComparison.Ordinal))
                        throw new AssertionException($"path '{name}' leaked a secret of length {secret.Length}");
                Interlocked.Increment(ref _checkedPaths);
            }
            return true;
        }
    }
}
