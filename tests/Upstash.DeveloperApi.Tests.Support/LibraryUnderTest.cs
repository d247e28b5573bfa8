using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// The generated library a contract check runs against, reached by reflection only: the one this test
    /// project references, or one built from another revision of the document and loaded on its own
    /// (Workflow/UpstreamHistoryTests). Nothing here names a generated type, so the same checks run
    /// against any revision, whatever its operations.
    /// </summary>
    public sealed class LibraryUnderTest
    {
        private const string Namespace = "Upstash.DeveloperApi";

        public LibraryUnderTest(Assembly assembly) => Assembly = assembly;

        public static LibraryUnderTest Referenced { get; } = new(typeof(UpstashCredentials).Assembly);

        public Assembly Assembly { get; }

        public Type Type(string name) => Assembly.GetType(Namespace + "." + name, throwOnError: true)!;

        /// <summary>The operationIds of the generated operation table.</summary>
        public IReadOnlyList<string> OperationIds =>
            ((IEnumerable<object>)Type("Operations.ApiOperations").GetField("All")!.GetValue(null)!).Select(o => (string)o.GetType().GetProperty("Id")!.GetValue(o)!).ToList();

        /// <summary>The client (tag) an operation belongs to, from the generated operation table.</summary>
        public string ClientNameOf(string operationId)
        {
            var operation = Type("Operations.ApiOperations").GetMethod("Get")!.Invoke(null, new object[] { operationId })!;
            return (string)operation.GetType().GetProperty("Client")!.GetValue(operation)!;
        }

        /// <summary>The client method of an operation (<c>ResetQStashTokenAsync</c>), from the generated operation table.</summary>
        public string MethodNameOf(string operationId)
        {
            var operation = Type("Operations.ApiOperations").GetMethod("Get")!.Invoke(null, new object[] { operationId })!;
            return (string)operation.GetType().GetProperty("MethodName")!.GetValue(operation)!;
        }

        /// <summary>Whether an operation may be repeated, as the library decides it.</summary>
        public bool IsIdempotent(string operationId)
        {
            var operation = Type("Operations.ApiOperations").GetMethod("Get")!.Invoke(null, new object[] { operationId })!;
            return (bool)operation.GetType().GetProperty("IsIdempotent")!.GetValue(operation)!;
        }

        public Type ClientType(string operationId) =>
            Type("UpstashClient").GetProperty(ClientNameOf(operationId))?.PropertyType
            ?? throw new MissingMemberException($"UpstashClient has no client '{ClientNameOf(operationId)}' for operation {operationId}.");

        public object Credentials(string email, string apiKey) => Activator.CreateInstance(Type("UpstashCredentials"), email, apiKey)!;

        /// <summary>A new <c>UpstashClient</c> over <paramref name="http"/> (disposable).</summary>
        public IDisposable NewUpstashClient(HttpClient http, Uri? baseAddress = null, int? maxRetries = null)
        {
            var options = Activator.CreateInstance(Type("UpstashClientOptions"))!;
            if (baseAddress != null) options.GetType().GetProperty("BaseAddress")!.SetValue(options, baseAddress);
            if (maxRetries != null) options.GetType().GetProperty("MaxRetries")!.SetValue(options, maxRetries.Value);
            var type = Type("UpstashClient");
            var constructor = type.GetConstructors().Single(c => c.GetParameters().Length == 4 && c.GetParameters()[0].ParameterType == typeof(HttpClient));
            return (IDisposable)constructor.Invoke(new[] { http, Credentials(TestCredentials.Email, TestCredentials.ApiKey), options, null });
        }

        /// <summary>The client of an operation on an <c>UpstashClient</c>.</summary>
        public object ClientFor(object upstash, string operationId) => upstash.GetType().GetProperty(ClientNameOf(operationId))!.GetValue(upstash)!;
    }
}
