using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// Calls the generated method of any operation of the document, by its operationId, with
    /// arguments taken from the document's parameter examples: the contract suite needs no code per operation.
    /// </summary>
    public static class OperationInvoker
    {
        public static MethodInfo MethodFor(SpecOperation operation)
        {
            var name = char.ToUpperInvariant(operation.Id[0]) + operation.Id.Substring(1) + "Async";
            return typeof(QStashClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == name && m.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken))
                .OrderByDescending(m => m.GetParameters().Length)
                .FirstOrDefault()
                ?? throw new MissingMethodException($"The generated client has no method {name} for operation {operation}.");
        }

        public static async Task<object?> InvokeAsync(QStashClient client, SpecOperation operation, CancellationToken cancellationToken = default)
        {
            var method = MethodFor(operation);
            var args = method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? cancellationToken : ArgumentFor(operation, p)).ToArray();
            var task = (Task)method.Invoke(client, args)!;
            await task.ConfigureAwait(false);
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }

        private static object? ArgumentFor(SpecOperation operation, ParameterInfo parameter)
        {
            var spec = operation.Operation.ActualParameters.FirstOrDefault(p =>
                string.Equals(p.Name.Replace("_", string.Empty), parameter.Name, StringComparison.OrdinalIgnoreCase));
            var example = spec?.Example ?? spec?.ActualSchema.Example;
            if (example == null)
                throw new InvalidOperationException($"{operation}: parameter '{parameter.Name}' has no example in the document; add one so the contract suite can call it.");
            return JToken.FromObject(example).ToObject(parameter.ParameterType);
        }
    }
}
