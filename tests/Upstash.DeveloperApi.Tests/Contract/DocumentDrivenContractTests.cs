using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Upstash.DeveloperApi.Tests.Contract
{
    /// <summary>
    /// The contract suite. Every success example of every operation in openapi/openapi.yml is served by
    /// WireMock.Net on 127.0.0.1 and read through the generated client; an operation added to the
    /// document is covered without a new test, and a changed example value is checked as it now reads.
    /// </summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class DocumentDrivenContractTests
    {
        public static IEnumerable<TestCaseData> SuccessExamples() =>
            SpecDocument.ResponseExamples
                .Where(e => e.Status.StartsWith('2') && e.MediaType == "application/json")
                .Select(e => new TestCaseData(e).SetArgDisplayNames(e.ToString()));

        [Test]
        public void The_document_has_at_least_one_example_to_replay() =>
            SuccessExamples().Should().NotBeEmpty("the contract suite is driven by the document's examples");

        [TestCaseSource(nameof(SuccessExamples))]
        public async Task The_request_matches_the_document(SpecExample example)
        {
            using var server = Serve(example);
            using var client = NewClient(server);

            await OperationInvoker.InvokeAsync(client, example.Operation);

            var request = server.LogEntries.Single().RequestMessage;
            request.Method.Should().Be(example.Operation.Method.ToUpperInvariant());
            request.Path.Should().Be(example.Operation.ExpectedRequestPath, "the operation's own server decides the path, not the document-level /v2");
            (request.Headers!["Authorization"].Single() == TestCredentials.ExpectedAuthorization()).Should().BeTrue("the request carries Basic base64(email:apiKey); the value is not printed");
            request.Headers["Accept"].Should().Equal(example.MediaType);
        }

        [TestCaseSource(nameof(SuccessExamples))]
        public async Task Every_example_property_lands_in_its_typed_property(SpecExample example)
        {
            using var server = Serve(example);
            using var client = NewClient(server);

            var result = await OperationInvoker.InvokeAsync(client, example.Operation);

            result.Should().NotBeNull();
            var expected = (JObject)example.Value;
            foreach (var property in expected.Properties())
            {
                var clr = ModelProperty(result!.GetType(), property.Name);
                clr.Should().NotBeNull($"the example's '{property.Name}' needs a typed property on {result.GetType().Name}");
                var value = clr!.GetValue(result);
                JsonSemantics.Equal(ToJson(value), property.Value).Should().BeTrue(
                    $"'{property.Name}' is {SecretSafe.Show(property.Name, property.Value)} in the example; {clr.Name} holds {SecretSafe.Show(property.Name, ToJson(value))}");
            }
        }

        [TestCaseSource(nameof(SuccessExamples))]
        public async Task Nothing_lands_in_AdditionalProperties(SpecExample example)
        {
            using var server = Serve(example);
            using var client = NewClient(server);

            var result = await OperationInvoker.InvokeAsync(client, example.Operation);

            var additional = result!.GetType().GetProperty("AdditionalProperties")?.GetValue(result) as IDictionary<string, object>;
            (additional ?? new Dictionary<string, object>()).Keys.Should().BeEmpty("every documented field has a typed property");
        }

        [TestCaseSource(nameof(SuccessExamples))]
        public async Task Serialising_the_result_gives_back_the_example(SpecExample example)
        {
            using var server = Serve(example);
            using var client = NewClient(server);

            var result = await OperationInvoker.InvokeAsync(client, example.Operation);

            var roundTripped = JToken.Parse(JsonConvert.SerializeObject(result));
            JsonSemantics.Equal(roundTripped, example.Value).Should().BeTrue(
                $"the result must serialise to the example.{Environment.NewLine}Got: {SecretSafe.Show(roundTripped)}{Environment.NewLine}Expected: {SecretSafe.Show(example.Value)}");
        }

        [TestCaseSource(nameof(SuccessExamples))]
        public async Task The_result_reports_no_read_issues(SpecExample example)
        {
            using var server = Serve(example);
            using var client = NewClient(server);

            var result = await OperationInvoker.InvokeAsync(client, example.Operation);

            if (result is QStashUser user) user.ReadIssues.Should().BeEmpty();
        }

        internal static WireMockServer Serve(SpecExample example)
        {
            var server = LoopbackServer.Start();
            server.Given(Request.Create().UsingAnyMethod())
                  .RespondWith(Response.Create()
                      .WithStatusCode(int.Parse(example.Status))
                      .WithHeader("Content-Type", example.MediaType)
                      .WithBody(example.Value.ToString(Formatting.None)));
            return server;
        }

        internal static QStashClient NewClient(WireMockServer server) =>
            new(new HttpClient(), TestCredentials.Create(), new QStashClientOptions { BaseAddress = server.BaseAddress() });

        /// <summary>The CLR property that Json.NET maps to a JSON name.</summary>
        internal static PropertyInfo? ModelProperty(Type type, string jsonName) =>
            type.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName == jsonName);

        private static JToken ToJson(object? value) => value == null ? JValue.CreateNull() : JToken.Parse(JsonConvert.SerializeObject(value));
    }
}
