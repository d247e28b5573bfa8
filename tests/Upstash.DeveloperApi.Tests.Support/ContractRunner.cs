using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.SpecTools;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// The contract suite's checks of one operation, by reflection against any build of the library
    /// (<see cref="LibraryUnderTest"/>), so that every revision of the document runs the very same checks.
    /// Each returns its failures; none prints a secret value.
    /// </summary>
    public static class ContractRunner
    {
        private static readonly int[] ErrorStatuses = { 400, 401, 403, 404, 405, 406, 409, 429, 500, 502, 503 };

        /// <summary>
        /// Serves the operation's example response (assembled from the document's examples) through
        /// WireMock.Net on 127.0.0.1, calls the generated method with arguments built from the document, and
        /// checks the request on the wire (method, path with escaped parameters, query, Authorization, Accept,
        /// body) and the result in the models.
        /// </summary>
        public static async Task<IReadOnlyList<string>> ReplayAsync(LibraryUnderTest library, SpecOperation operation)
        {
            var failures = new List<string>();
            var example = ExampleAssembler.SuccessResponse(operation.Operation, out var status);
            using var server = LoopbackServer.Start();
            server.Given(Request.Create().UsingAnyMethod())
                  .RespondWith(Response.Create().WithStatusCode(int.Parse(status)).WithHeader("Content-Type", "application/json")
                      .WithBody(example?.ToString(Formatting.None) ?? string.Empty));
            using var upstash = library.NewUpstashClient(new HttpClient(), server.BaseAddress());
            var plan = OperationInvoker.Plan(operation, library);

            object? result;
            try
            {
                result = await OperationInvoker.InvokeAsync(library.ClientFor(upstash, operation.Id), plan);
            }
            catch (Exception ex)
            {
                return new[] { $"{operation.Id}: the call failed with {ex.GetType().Name}: {ex.Message}" };
            }

            var request = server.LogEntries.Single().RequestMessage;
            var expectedPath = operation.Server.AbsolutePath.TrimEnd('/') + plan.ExpectedPath;
            if (request.Method != operation.Method.ToUpperInvariant()) failures.Add($"method {request.Method}, expected {operation.Method.ToUpperInvariant()}");
            if (new Uri(request.Url).AbsolutePath != expectedPath) failures.Add($"path {new Uri(request.Url).AbsolutePath}, expected {expectedPath} (the operation's server, parameters escaped)");
            if ((request.RawQuery ?? string.Empty) != plan.ExpectedQuery) failures.Add($"query '{request.RawQuery}', expected '{plan.ExpectedQuery}'");
            if (request.Headers!["Authorization"].Single() != TestCredentials.ExpectedAuthorization()) failures.Add("the Authorization header is not Basic base64(email:apiKey)");
            if (!request.Headers["Accept"].SequenceEqual(new[] { "application/json" })) failures.Add("the Accept header is not application/json");
            if (plan.ExpectedBody != null)
            {
                var sent = string.IsNullOrEmpty(request.Body) ? JValue.CreateNull() : JToken.Parse(request.Body!);
                if (!JsonSemantics.Equal(sent, plan.ExpectedBody))
                    failures.Add($"the body is not the assembled request example.{Environment.NewLine}Sent: {SecretSafe.Show(sent)}{Environment.NewLine}Expected: {SecretSafe.Show(plan.ExpectedBody)}");
            }
            else if (!string.IsNullOrEmpty(request.Body)) failures.Add("the operation has no request body, yet one was sent");
            failures.AddRange(CheckResult(result, example));
            return failures.Select(f => operation.Id + ": " + f).ToList();
        }

        /// <summary>
        /// What a result must be, given the example it was read from: every example field in its typed
        /// property with the example's value, nothing left in <c>AdditionalProperties</c>, no read issue,
        /// and the whole result serializing back to the example.
        /// </summary>
        public static IReadOnlyList<string> CheckResult(object? result, JToken? example)
        {
            var failures = new List<string>();
            if (result?.GetType().Name == nameof(UpstashResponse))
            {
                // An acknowledgement (its example is "OK"): a documented success with nothing left unread.
                // (By name: a regenerated library of another revision has its own UpstashResponse type.)
                var status = (int)result.GetType().GetProperty(nameof(UpstashResponse.Status))!.GetValue(result)!;
                var issues = (IReadOnlyList<string>)result.GetType().GetProperty(nameof(UpstashResponse.ReadIssues))!.GetValue(result)!;
                if (status != 200) failures.Add($"the acknowledgement's status is {status}, not the documented 200");
                if (issues.Count > 0) failures.Add("the acknowledgement has read issues: " + string.Join("; ", issues));
                if (example != null && !(example.Type == JTokenType.String && (string?)example == "OK"))
                    failures.Add("the operation returns an acknowledgement, yet its example is not \"OK\"");
                return failures;
            }
            if (example == null)
            {
                if (result is string { Length: > 0 }) failures.Add("the operation documents no example, yet the result is not empty");
                return failures;
            }
            if (result == null) return new[] { "the result is null" };
            Compare(result, example, "$", failures);
            var roundTripped = JToken.Parse(JsonConvert.SerializeObject(result));
            if (!JsonSemantics.Equal(roundTripped, StringBooleansAsRead(example, roundTripped)))
                failures.Add($"the result does not serialise back to the example.{Environment.NewLine}Got: {SecretSafe.Show(roundTripped)}{Environment.NewLine}Expected: {SecretSafe.Show(example)}");
            return failures;
        }

        /// <summary>Every error status, answered in memory, raises its typed exception with the status, the operation and the error text, and no secret.</summary>
        public static async Task<IReadOnlyList<string>> ErrorStatusesAsync(LibraryUnderTest library, SpecOperation operation)
        {
            var failures = new List<string>();
            var idempotent = library.IsIdempotent(operation.Id);
            foreach (var status in ErrorStatuses)
            {
                var handler = new StubHandler(_ => new HttpResponseMessage((HttpStatusCode)status)
                {
                    Content = new StringContent("{\"error\":\"something went wrong\"}", Encoding.UTF8, "application/json"),
                });
                using var upstash = library.NewUpstashClient(new HttpClient(handler), maxRetries: 0);
                Exception? thrown = null;
                try
                {
                    await OperationInvoker.InvokeAsync(library.ClientFor(upstash, operation.Id), OperationInvoker.Plan(operation, library));
                }
                catch (Exception ex)
                {
                    thrown = ex;
                }
                var at = $"{operation.Id} answered {status}";
                if (thrown == null)
                {
                    failures.Add($"{at}: no exception");
                    continue;
                }
                var expected = ExpectedException(status, idempotent);
                if (thrown.GetType().Name != expected) failures.Add($"{at}: {thrown.GetType().Name}, expected {expected}");
                string? Property(string name) => thrown.GetType().GetProperty(name)?.GetValue(thrown)?.ToString();
                if (Property("StatusCode") != status.ToString()) failures.Add($"{at}: StatusCode {Property("StatusCode")}");
                if (Property("Operation") != operation.Id) failures.Add($"{at}: Operation {Property("Operation")}");
                if (Property("ErrorText") != "something went wrong") failures.Add($"{at}: ErrorText {Property("ErrorText")}");
                if (!thrown.Message.Contains(status.ToString()) || !thrown.Message.Contains(operation.Id) || !thrown.Message.Contains("something went wrong"))
                    failures.Add($"{at}: the message does not name the status, the operation and the error text");
                if (thrown.Message.Contains(TestCredentials.ApiKey) || thrown.Message.Contains(TestCredentials.ExpectedAuthorization().Substring(6)))
                    failures.Add($"{at}: the message carries the API key");
                if (!operation.Id.Contains("QStash", StringComparison.OrdinalIgnoreCase) && (thrown.Message.Contains("QStash") || thrown.Message.Contains("token")))
                    failures.Add($"{at}: the message speaks of QStash or a token for an operation that does not");
            }
            return failures;
        }

        public static string ExpectedException(int status, bool idempotent) => status switch
        {
            401 => "UpstashAuthenticationException",
            403 => "UpstashAuthorizationException",
            404 => "UpstashNotFoundException",
            429 => "UpstashRateLimitException",
            500 when !idempotent => "UpstashOutcomeUnknownException",
            500 or 503 => "UpstashServerException",
            400 or 405 or 406 => "UpstashRequestRejectedException",
            _ => "UpstashUnexpectedStatusException",
        };

        private static void Compare(object value, JToken example, string path, List<string> failures)
        {
            if (value.GetType().GetProperty("ReadIssues")?.GetValue(value) is IReadOnlyCollection<string> { Count: > 0 } issues)
                failures.Add($"{path}: {issues.Count} read issue(s): {string.Join(" / ", issues)}");
            switch (example)
            {
                case JObject obj:
                    if (value.GetType().GetProperty("AdditionalProperties")?.GetValue(value) is IDictionary<string, object> { Count: > 0 } additional)
                        failures.Add($"{path}: fields without a typed property: {string.Join(", ", additional.Keys)}");
                    foreach (var field in obj.Properties())
                    {
                        var property = ModelProperty(value.GetType(), field.Name);
                        if (property == null)
                        {
                            failures.Add($"{path}.{field.Name}: {value.GetType().Name} has no typed property for it");
                            continue;
                        }
                        var typed = property.GetValue(value);
                        if (typed == null)
                        {
                            if (field.Value.Type != JTokenType.Null) failures.Add($"{path}.{field.Name}: {value.GetType().Name}.{property.Name} is null");
                            continue;
                        }
                        if (field.Value is JObject || field.Value is JArray) Compare(typed, field.Value, $"{path}.{field.Name}", failures);
                        else if (!JsonSemantics.Equal(JToken.Parse(JsonConvert.SerializeObject(typed)), AsTyped(field.Value, typed)))
                            failures.Add($"{path}.{field.Name}: is {SecretSafe.Show(field.Name, field.Value)} in the example; {property.Name} holds {SecretSafe.Show(field.Name, JToken.Parse(JsonConvert.SerializeObject(typed)))}");
                    }
                    break;
                case JArray array when value is IEnumerable items && value is not string:
                    var list = items.Cast<object?>().ToList();
                    if (list.Count != array.Count) failures.Add($"{path}: {list.Count} items read, the example has {array.Count}");
                    for (var i = 0; i < Math.Min(list.Count, array.Count); i++)
                    {
                        if (list[i] == null) failures.Add($"{path}[{i}]: null");
                        else if (array[i] is JObject || array[i] is JArray) Compare(list[i]!, array[i], $"{path}[{i}]", failures);
                    }
                    break;
            }
        }

        /// <summary>
        /// The example's string "true" or "false" where the client holds a bool (the generator's StringBooleans
        /// rule: the service spells some booleans as strings, the client reads them as bool?), as a JSON boolean.
        /// </summary>
        internal static JToken AsTyped(JToken example, object typed) =>
            typed is bool && example is JValue { Type: JTokenType.String } text && ((string?)text == "true" || (string?)text == "false")
                ? new JValue((string?)text == "true")
                : example;

        /// <summary>The example with each string boolean that the result holds as a bool written as one (see <see cref="AsTyped"/>).</summary>
        private static JToken StringBooleansAsRead(JToken example, JToken read)
        {
            switch (example)
            {
                case JObject obj when read is JObject readObject:
                    var copy = new JObject();
                    foreach (var field in obj.Properties())
                        copy[field.Name] = readObject[field.Name] is JToken readField ? StringBooleansAsRead(field.Value, readField) : field.Value.DeepClone();
                    return copy;
                case JArray array when read is JArray readArray:
                    return new JArray(array.Select((item, i) => i < readArray.Count ? StringBooleansAsRead(item, readArray[i]) : item.DeepClone()));
                case JValue { Type: JTokenType.String } text when read.Type == JTokenType.Boolean:
                    return AsTyped(text, true);
                default:
                    return example.DeepClone();
            }
        }

        /// <summary>The CLR property that Json.NET maps to a JSON name.</summary>
        public static PropertyInfo? ModelProperty(Type type, string jsonName) =>
            type.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName == jsonName);
    }
}
