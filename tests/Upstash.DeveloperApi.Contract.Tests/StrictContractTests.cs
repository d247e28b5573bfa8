using System;
using System.Linq;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// Strict drift checks between the whole effective document and the generated client. The vendored
    /// document passes; each kind of mistake in a mutated copy is caught and names the field.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class StrictContractTests
    {
        [Test]
        public void The_vendored_document_and_the_generated_client_agree_on_every_operation()
        {
            var examples = SpecDocument.ResponseExamples.ToList();
            examples.Select(e => e.Operation.Id).Distinct().Should().HaveCount(SpecDocument.Operations.Count(), "every operation has a success example to check");
            var findings = examples.SelectMany(StrictContract.Check).ToList();
            findings.Should().BeEmpty(string.Join(Environment.NewLine, findings));
        }

        [TestCase("example-field-not-in-model", "max_widgets")]
        [TestCase("model-field-not-in-schema", "creation_time")]
        [TestCase("enum-value", "state")]
        [TestCase("example-schema", "max_retries")]
        [TestCase("example-schema", "id")]
        [TestCase("round-trip", "reserved_price")]
        [TestCase("example-field-not-in-model", "vpcPeering2")]
        public void A_mistake_in_a_mutated_copy_is_caught_and_names_the_field(string rule, string field)
        {
            var mutated = SpecDocument.Mutated(doc =>
            {
                var properties = (JObject)doc["components"]!["schemas"]!["QStashUser"]!["properties"]!;
                switch (rule)
                {
                    case "example-field-not-in-model" when field == "max_widgets":
                        properties["max_widgets"] = new JObject { ["type"] = "integer", ["description"] = "A field the client was not regenerated for", ["example"] = 3 };
                        break;
                    case "example-field-not-in-model":
                        var addons = (JObject)doc["components"]!["schemas"]!["Database"]!["properties"]!["securityAddons"]!;
                        ((JObject)addons["properties"]!)["vpcPeering2"] = new JObject { ["type"] = "boolean" };
                        ((JObject)addons["example"]!)["vpcPeering2"] = true;
                        break;
                    case "model-field-not-in-schema":
                        properties.Remove("creation_time");
                        break;
                    case "enum-value":
                        properties["state"]!["example"] = "frozen";
                        break;
                    case "example-schema" when field == "max_retries":
                        properties["max_retries"]!["example"] = "twenty";
                        break;
                    case "example-schema":
                        properties["id"]!["example"] = "not-a-uuid";
                        break;
                    case "round-trip":
                        properties["reserved_price"]!["example"] = 180.123456789; // format: float keeps about 7 digits
                        break;
                }
            });
            var model = SpecModel.Load(mutated, "mutated");

            var findings = model.ResponseExamples.SelectMany(StrictContract.Check).ToList();

            findings.Should().Contain(f => f.Rule == rule && (f.Path.EndsWith(field) || f.Message.Contains(field)),
                "the check must name '{0}'; it found:{1}{2}", field, Environment.NewLine, string.Join(Environment.NewLine, findings));
        }
    }
}
