using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using Upstash.DeveloperApi.SpecTools;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// Calls the generated method of any operation of the document, by its operationId, with arguments
    /// built from the document (examples, enum values, the assembled request body): the contract suite
    /// needs no code per operation. It also says what the request must look like on the wire.
    /// </summary>
    public static class OperationInvoker
    {
        /// <summary>A path parameter value that needs escaping: a space, a slash, a question mark, a hash and a percent sign.</summary>
        public const string PathValue = "p a/b?c#d%e";

        /// <summary>
        /// The generated method of <paramref name="operation"/>: named as the generated operation table says,
        /// and, among overloads of that name (the id-less legacy calls beside the by-id ones), the one with a
        /// parameter for each of the operation's parameters and its body.
        /// </summary>
        public static MethodInfo MethodFor(SpecOperation operation, LibraryUnderTest? library = null)
        {
            library ??= LibraryUnderTest.Referenced;
            var client = library.ClientType(operation.Id);
            var name = library.MethodNameOf(operation.Id);
            var arity = operation.Operation.ActualParameters.Count(p => p.Kind is OpenApiParameterKind.Path or OpenApiParameterKind.Query or OpenApiParameterKind.Header or OpenApiParameterKind.Body)
                + (operation.Operation.RequestBody != null && !operation.Operation.ActualParameters.Any(p => p.Kind == OpenApiParameterKind.Body) ? 1 : 0);
            return client.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == name && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken))
                .OrderBy(m => Math.Abs(m.GetParameters().Length - 1 - arity))
                .FirstOrDefault()
                ?? throw new MissingMethodException($"{client.Name} has no method {name} for operation {operation.Id}.");
        }

        /// <summary>The arguments and the request they must produce.</summary>
        public static CallPlan Plan(SpecOperation operation, LibraryUnderTest? library = null)
        {
            var method = MethodFor(operation, library);
            var specParameters = operation.Operation.ActualParameters.ToList();
            var arguments = new List<object?>();
            var path = operation.Path;
            var query = new List<string>();
            JToken? body = null;
            foreach (var parameter in method.GetParameters())
            {
                if (parameter.ParameterType == typeof(CancellationToken))
                {
                    arguments.Add(CancellationToken.None);
                    continue;
                }
                var spec = specParameters.FirstOrDefault(p => Normalize(p.Name) == Normalize(parameter.Name!));
                if (spec == null || spec.Kind == OpenApiParameterKind.Body)
                {
                    body = ExampleAssembler.RequestBody(operation.Operation) ?? new JObject();
                    arguments.Add(body.ToObject(parameter.ParameterType, JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })));
                    continue;
                }
                var text = spec.Kind == OpenApiParameterKind.Path ? PathValue : WireValue(spec);
                arguments.Add(Typed(text, parameter.ParameterType));
                if (spec.Kind == OpenApiParameterKind.Path) path = path.Replace("{" + spec.Name + "}", Uri.EscapeDataString(text));
                else if (spec.Kind == OpenApiParameterKind.Query) query.Add(Uri.EscapeDataString(spec.Name) + "=" + Uri.EscapeDataString(text));
            }
            return new CallPlan(method, arguments.ToArray(), path, query.Count == 0 ? string.Empty : "?" + string.Join("&", query), body);
        }

        public static async Task<object?> InvokeAsync(object client, CallPlan plan)
        {
            Task task;
            try
            {
                task = (Task)plan.Method.Invoke(client, plan.Arguments)!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
            await task.ConfigureAwait(false);
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }

        /// <summary>Calls <paramref name="operation"/> on an <see cref="UpstashClient"/> with the arguments of <see cref="Plan"/>.</summary>
        public static Task<object?> InvokeAsync(UpstashClient upstash, SpecOperation operation) =>
            InvokeAsync(LibraryUnderTest.Referenced.ClientFor(upstash, operation.Id), Plan(operation));

        /// <summary>Calls <paramref name="operation"/> on a client of its tag (a <see cref="QStashClient"/>, say).</summary>
        public static Task<object?> InvokeAsync(object client, SpecOperation operation) => InvokeAsync(client, Plan(operation));

        private static string WireValue(OpenApiParameter parameter)
        {
            var example = parameter.Example ?? parameter.ActualSchema.Example;
            if (example != null) return JToken.FromObject(example).ToString(Formatting.None).Trim('"');
            if (parameter.ActualSchema.Enumeration.Count > 0) return parameter.ActualSchema.Enumeration.First()!.ToString()!;
            return "value";
        }

        private static object? Typed(string text, Type type)
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (target == typeof(string)) return text;
            var fromString = target.GetConstructor(new[] { typeof(string) });
            if (fromString != null) return fromString.Invoke(new object[] { text }); // extensible enums
            return JToken.FromObject(text).ToObject(target);
        }

        private static string Normalize(string name) => name.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
    }

    /// <summary>A call of one operation: the method, its arguments, and the request it must send.</summary>
    public sealed record CallPlan(MethodInfo Method, object?[] Arguments, string ExpectedPath, string ExpectedQuery, JToken? ExpectedBody);
}
