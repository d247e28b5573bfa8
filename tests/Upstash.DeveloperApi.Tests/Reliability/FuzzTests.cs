using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Reliability
{
    /// <summary>
    /// Thousands of random mutations of the document's example, each answered to the client: every one
    /// ends in a value or a typed exception, never anything else, and never leaks the token.
    /// Field-level mutations that leave the token alone must still yield it.
    /// </summary>
    [TestFixture]
    [Category("Reliability")]
    public sealed class FuzzTests
    {
        public const int Mutations = 5000;
        private const int Seed = 20261127;

        private const string Noise = "{}[]\",:0aé\\\u0000";

        private static readonly JToken[] OddValues =
        {
            JValue.CreateNull(), new JValue(""), new JValue("x"), new JValue(-1), new JValue(0), new JValue(long.MaxValue),
            new JValue(1.5), new JValue(1e308), new JValue(true), new JValue("2026-11-27T10:00:00Z"), new JValue("ünïcødé ✓"),
            new JValue(new string('a', 10_000)), new JArray(1, 2), new JObject { ["nested"] = new JObject { ["deep"] = 1 } },
            JToken.Parse("99999999999999999999999999"),
        };

        [Test]
        public void Every_mutation_ends_in_a_value_or_a_typed_exception()
        {
            var random = new Random(Seed);
            var example = Examples.ResetQStashToken;
            var token = example.Value<string>("token")!;
            var password = example.Value<string>("password")!;
            int values = 0, typed = 0, tokenKept = 0;
            var kinds = new Dictionary<string, int>();

            for (var i = 0; i < Mutations; i++)
            {
                var (kind, body, contentType, tokenUntouched) = Mutate(random, example);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, contentType) });
                using var client = new QStashClient(new HttpClient(handler), TestCredentials.Create());
                try
                {
                    var user = client.ResetQStashTokenAsync().GetAwaiter().GetResult();
                    values++;
                    user.Token.Should().NotBeNullOrEmpty($"mutation {i} ({kind}) returned a value, which must carry a token");
                    user.ToString().Should().NotContain(token).And.NotContain(password);
                    if (tokenUntouched)
                    {
                        (user.Token == token).Should().BeTrue($"mutation {i} ({kind}) left the token alone, so it must be returned");
                        tokenKept++;
                    }
                }
                catch (UpstashApiException ex)
                {
                    typed++;
                    tokenUntouched.Should().BeFalse($"mutation {i} ({kind}) left the token alone, yet the client raised {ex.GetType().Name}");
                    var text = Leaks.VisibleText(ex);
                    text.Contains(token, StringComparison.Ordinal).Should().BeFalse($"mutation {i} ({kind}) leaked the token");
                    text.Contains(password, StringComparison.Ordinal).Should().BeFalse($"mutation {i} ({kind}) leaked the password");
                }
                catch (Exception ex)
                {
                    Assert.Fail($"mutation {i} ({kind}) raised {ex.GetType().FullName}, which is neither a value nor a typed exception");
                }
            }

            (values + typed).Should().Be(Mutations);
            TestContext.Out.WriteLine($"fuzz: {Mutations} mutations (seed {Seed}): {values} values, {typed} typed exceptions, 0 other; " +
                $"{tokenKept} field-level mutations kept the token; by kind: {string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => k.Key + "=" + k.Value))}");
        }

        private static (string Kind, string Body, string ContentType, bool TokenUntouched) Mutate(Random random, JObject example)
        {
            var json = (JObject)example.DeepClone();
            var names = json.Properties().Select(p => p.Name).ToArray();
            string Pick() => names[random.Next(names.Length)];
            switch (random.Next(9))
            {
                case 0:
                {
                    var name = Pick();
                    json.Remove(name);
                    return ("drop-field", json.ToString(Formatting.None), "application/json", name != "token");
                }
                case 1:
                {
                    var name = Pick();
                    json[name] = OddValues[random.Next(OddValues.Length)].DeepClone();
                    return ("odd-value", json.ToString(Formatting.None), "application/json", name != "token");
                }
                case 2:
                {
                    for (var n = random.Next(1, 5); n > 0; n--)
                    {
                        var name = Pick();
                        if (name != "token") json[name] = OddValues[random.Next(OddValues.Length)].DeepClone();
                    }
                    return ("many-odd-values", json.ToString(Formatting.None), "application/json", true);
                }
                case 3:
                    json["unknown_" + random.Next(1000)] = OddValues[random.Next(OddValues.Length)].DeepClone();
                    return ("unknown-field", json.ToString(Formatting.None), "application/json", true);
                case 4:
                {
                    var text = json.ToString(Formatting.None);
                    return ("truncate", text.Substring(0, random.Next(text.Length)), "application/json", false);
                }
                case 5:
                {
                    var text = new StringBuilder(json.ToString(Formatting.None));
                    for (var n = random.Next(1, 4); n > 0; n--)
                        text[random.Next(text.Length)] = Noise[random.Next(Noise.Length)];
                    return ("corrupt-bytes", text.ToString(), "application/json", false);
                }
                case 6:
                {
                    var name = Pick();
                    if (name != "token" && json[name] is JValue { Type: JTokenType.String })
                        json[name] = "value-" + random.Next();
                    return ("enum-or-string", json.ToString(Formatting.None), "application/json", true);
                }
                case 7:
                    return ("wrong-content-type", json.ToString(Formatting.None), new[] { "text/plain", "text/html", "application/octet-stream" }[random.Next(3)], true);
                default:
                {
                    var wrappers = new[] { "[" + json.ToString(Formatting.None) + "]", "\"" + json.ToString(Formatting.None).Replace("\"", "\\\"") + "\"", "<html>" + json + "</html>", "", "null", "42" };
                    return ("wrapped", wrappers[random.Next(wrappers.Length)], "application/json", false);
                }
            }
        }
    }
}
