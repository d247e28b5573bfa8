using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json;
using NJsonSchema;
using NUnit.Framework;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// The contract suite can fail: in a copy of the document, each field of each success response is
    /// renamed in its schema (and in an example that gives its object whole), one at a time, and the
    /// suite's result check must then fail for an operation that returns it (the client, generated from
    /// the real document, has no property for the new name).
    /// </summary>
    [TestFixture]
    public sealed class ContractSensitivityTests
    {
        [Test]
        public async Task Renaming_any_one_response_field_in_the_document_fails_the_contract_check()
        {
            var model = SpecModel.Load(SpecDocument.EffectiveJson, "a copy to mutate"); // a private copy: renamed in place, then restored
            var checkedFields = new HashSet<(JsonSchema, string)>();
            var missed = new List<string>();
            foreach (var operation in model.Operations)
            {
                if (ExampleAssembler.SuccessResponse(operation.Operation, out _) == null) continue;
                var schema = operation.Operation.ActualResponses.First(r => r.Key.StartsWith("2")).Value.Content?["application/json"].Schema;
                foreach (var (owner, name) in Fields(schema, new HashSet<JsonSchema>()))
                {
                    if (!checkedFields.Add((owner, name))) continue;
                    var property = owner.Properties[name];
                    owner.Properties.Remove(name);
                    owner.Properties[name + "_renamed"] = property;
                    var example = ExampleAssembler.SuccessResponse(operation.Operation, out _);
                    owner.Properties.Remove(name + "_renamed");
                    owner.Properties[name] = property;
                    // A field inside an example given whole (securityAddons') is renamed in that example too.
                    if (!example!.ToString().Contains(name + "_renamed"))
                        foreach (var old in ((Newtonsoft.Json.Linq.JContainer)example).DescendantsAndSelf().OfType<Newtonsoft.Json.Linq.JProperty>().Where(p => p.Name == name).ToList())
                            old.Replace(new Newtonsoft.Json.Linq.JProperty(name + "_renamed", old.Value));

                    var handler = new StubHandler(_ => StubHandler.Json(example!.ToString(Formatting.None)));
                    using var upstash = new UpstashClient(new HttpClient(handler), TestCredentials.Create());
                    var result = await OperationInvoker.InvokeAsync(upstash, operation);
                    if (ContractRunner.CheckResult(result, example).Count == 0) missed.Add($"{operation.Id}: {name}");
                }
            }

            checkedFields.Count.Should().BeGreaterThan(200, "every field of every success response is tried");
            missed.Should().BeEmpty("renaming any one field must fail the check");
            TestContext.Out.WriteLine($"contract sensitivity: {checkedFields.Count} response fields renamed one at a time, {missed.Count} unnoticed");
        }

        /// <summary>Every (schema, property) under a response schema, through references, arrays and nested objects.</summary>
        private static IEnumerable<(JsonSchema Owner, string Name)> Fields(JsonSchema? schema, HashSet<JsonSchema> seen)
        {
            if (schema == null) yield break;
            var actual = schema.ActualSchema;
            if (!seen.Add(actual)) yield break;
            foreach (var property in actual.Properties.ToList())
            {
                yield return (actual, property.Key);
                foreach (var nested in Fields(property.Value, seen)) yield return nested;
            }
            foreach (var nested in Fields(actual.Item, seen)) yield return nested;
        }
    }
}
