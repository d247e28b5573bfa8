using System;
using System.Linq;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Tests.Contract
{
    /// <summary>
    /// Strict drift checks between the document and the generated client. The vendored document
    /// passes; each kind of mistake in a mutated copy is caught and names the field.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class StrictContractTests
    {
        [Test]
        public void The_vendored_document_and_the_generated_client_agree()
        {
            foreach (var example in SpecDocument.ResponseExamples.Where(e => e.Status.StartsWith('2')))
            {
                var findings = StrictContract.Check(example);
                findings.Should().BeEmpty(string.Join(Environment.NewLine, findings));
            }
        }

        [TestCase("example-field-not-in-model", "max_widgets")]
        [TestCase("model-field-not-in-schema", "creation_time")]
        [TestCase("enum-value", "state")]
        [TestCase("example-schema", "max_retries")]
        [TestCase("example-schema", "id")]
        [TestCase("round-trip", "reserved_price")]
        public void A_mistake_in_a_mutated_copy_is_caught_and_names_the_field(string rule, string field)
        {
            var path = SpecDocument.MutatedCopy(doc =>
            {
                var example = (JObject)doc["paths"]!["/qstash/user/rotatetoken"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["example"]!["value"]!;
                var schema = (JObject)doc["components"]!["schemas"]!["QStashUser"]!["properties"]!;
                switch (rule)
                {
                    case "example-field-not-in-model":
                        example["max_widgets"] = 3;
                        schema["max_widgets"] = new JObject { ["type"] = "integer", ["description"] = "A field the client was not regenerated for" };
                        break;
                    case "model-field-not-in-schema":
                        schema.Remove("creation_time");
                        example.Remove("creation_time");
                        break;
                    case "enum-value":
                        example["state"] = "frozen";
                        break;
                    case "example-schema" when field == "max_retries":
                        example["max_retries"] = "twenty";
                        break;
                    case "example-schema":
                        example["id"] = "not-a-uuid";
                        break;
                    case "round-trip":
                        example["reserved_price"] = 180.123456789; // format: float keeps about 7 digits
                        break;
                }
            });
            var model = SpecModel.Load(path);

            var findings = model.ResponseExamples.Where(e => e.Status == "200").SelectMany(StrictContract.Check).ToList();

            findings.Should().Contain(f => f.Rule == rule && (f.Path.EndsWith(field) || f.Message.Contains(field)),
                "the check must name '{0}'; it found:{1}{2}", field, Environment.NewLine, string.Join(Environment.NewLine, findings));
        }
    }
}
