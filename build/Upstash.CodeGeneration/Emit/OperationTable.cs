using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using Upstash.CodeGeneration.Naming;

namespace Upstash.CodeGeneration.Emit
{
    /// <summary>
    /// <c>ApiOperations.g.cs</c>: the facts of every operation that hand-written code applies its rules
    /// to: method, path template, the server that applies (operation, then path, then document level:
    /// NSwag knows only the document's), the client it belongs to, its summary and its success statuses.
    /// </summary>
    public static class OperationTable
    {
        /// <summary>The name of an operation's client method (without <c>Async</c>).</summary>
        /// <remarks>
        /// The overlay sets it where the operationId cannot give it (an overload of another operation's method);
        /// <see cref="Read"/> sets it on every other operation, so that the templates take it from one place.
        /// </remarks>
        public const string MethodNameExtension = "x-upstash-method";

        /// <summary>
        /// The name of the <c>IAsyncEnumerable</c> form of a list operation (without <c>Async</c>), set on each one:
        /// <c>Enumerate</c> and the method's name without its leading List or Get (<c>ListAuditLogs</c> →
        /// <c>EnumerateAuditLogs</c>, <c>GetQStashIPv4</c> → <c>EnumerateQStashIPv4</c>).
        /// </summary>
        public const string EnumerateMethodExtension = "x-upstash-enumerate-method";

        /// <summary>On each operation, per parameter, <c>x-upstash-parameter-name-&lt;wire name&gt;</c>: its C# name (one flat key each, which the templates can look up).</summary>
        public const string ParameterNameExtensionPrefix = "x-upstash-parameter-name-";

        /// <summary>The locals of a generated method (Client.Class.liquid, Client.RequestUrl.liquid): no parameter may take one of their names.</summary>
        private static readonly string[] TemplateLocals = { "path", "relativeUrl", "request", "cancellationToken" };

        public static string EnumerateMethodName(string methodName)
        {
            foreach (var verb in new[] { "List", "Get" })
                if (methodName.Length > verb.Length && methodName.StartsWith(verb, StringComparison.Ordinal) && char.IsUpper(methodName[verb.Length]))
                    return "Enumerate" + methodName.Substring(verb.Length);
            return "Enumerate" + methodName;
        }

        private static bool ReturnsList(JObject operation) =>
            (operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith("2", StringComparison.Ordinal))
                .SelectMany(r => r.Value["content"] is JObject content ? content.Properties().Select(m => m.Value["schema"]) : Enumerable.Empty<JToken?>())
                .Any(schema => schema is JObject o && o["type"] is JValue type && (string?)type == "array") == true;

        public static IReadOnlyList<OperationFacts> Read(JObject document)
        {
            var documentServer = FirstServer(document) ?? "/";
            var result = new List<OperationFacts>();
            foreach (var (path, item, method, operation) in DocumentOperations.All(document))
            {
                var pathServer = FirstServer(item);
                var at = $"#/paths/{path}/{method}";
                var id = (string?)operation["operationId"];
                if (string.IsNullOrEmpty(id)) throw new NamingException($"{at}: the operation has no operationId; the client names its method after it.");
                if (!Identifiers.IsIdentifier(id!)) throw new NamingException($"{at}: the operationId '{id}' is not an identifier; the generated code refers to the operation by it.");
                if (operation[MethodNameExtension] is JToken given && (given.Type != JTokenType.String || !Identifiers.IsIdentifier((string)given!)))
                    throw new NamingException($"{at}: {MethodNameExtension} must be a method name without 'Async'.");
                // The method's name, decided here once: the overlay's, else the operationId with a capital.
                // The templates and ApiOperation.MethodName both read it from the effective document.
                // Each parameter's C# name, by the one camelCase rule (backup_id -> backupId), for Client.ParameterName.liquid.
                foreach (var parameter in new[] { operation["parameters"], item["parameters"] }.OfType<JArray>().SelectMany(a => a.OfType<JObject>()))
                {
                    if ((string?)parameter["name"] is not string wireName) continue;
                    var name = Identifiers.Camel(wireName);
                    if (TemplateLocals.Contains(name))
                        throw new NamingException($"{at}: the parameter '{wireName}' would be named '{name}' in C#, as a local of the generated method is (build/templates/Client.Class.liquid). Rename the local there.");
                    operation[ParameterNameExtensionPrefix + wireName] = name;
                }
                var methodName = (string?)operation[MethodNameExtension] ?? char.ToUpperInvariant(id![0]) + id.Substring(1);
                operation[MethodNameExtension] = methodName;
                var enumerateName = ReturnsList(operation) ? EnumerateMethodName(methodName) : null;
                if (enumerateName != null) operation[EnumerateMethodExtension] = enumerateName;
                var success = (operation["responses"] as JObject)?.Properties().Select(r => r.Name)
                    .Where(s => s.Length == 3 && s[0] == '2' && s.All(char.IsDigit)).Select(int.Parse).ToList() ?? new List<int>();
                if (success.Count == 0) success.Add(200);
                var client = operation["tags"] is JArray tags && tags.Count > 0 ? (string)tags[0]! : "Default";
                result.Add(new OperationFacts(id!, method.ToUpperInvariant(), path, FirstServer(operation) ?? pathServer ?? documentServer,
                    client, (string?)operation["summary"] ?? id!, success, methodName, enumerateName));
            }
            return result;
        }

        public static string Write(IReadOnlyList<OperationFacts> operations, string documentServer, string ns)
        {
            var code = new StringBuilder(CSharpText.Header);
            code.Append("namespace ").Append(ns).Append(".Operations\n{\n");
            code.Append("    /// <summary>Every operation of the API document, as the hand-written rules need it (generated from the effective document).</summary>\n");
            code.Append("    [System.CodeDom.Compiler.GeneratedCode(\"Upstash.CodeGeneration\", \"1.0\")]\n");
            code.Append("    internal static partial class ApiOperations\n    {\n");
            code.Append("        /// <summary>The document-level server.</summary>\n");
            code.Append("        public const string DocumentServer = ").Append(CSharpText.Literal(documentServer)).Append(";\n\n");
            // One field per operation, named by its operationId: the generated clients reference their
            // operation directly (ApiOperations.resetQStashToken), with no lookup by string.
            foreach (var op in operations)
            {
                code.Append("        /// <summary><c>").Append(op.Method).Append(' ').Append(CSharpText.Doc(op.Path)).Append("</c>: ").Append(CSharpText.Doc(op.Summary)).Append(".</summary>\n");
                code.Append("        public static readonly Upstash.DeveloperApi.Operations.ApiOperation ").Append(op.Id).Append(" = new Upstash.DeveloperApi.Operations.ApiOperation(")
                    .Append(CSharpText.Literal(op.Id)).Append(", ")
                    .Append(CSharpText.Literal(op.Method)).Append(", ")
                    .Append(CSharpText.Literal(op.Path)).Append(", ")
                    .Append(CSharpText.Literal(op.Server)).Append(", ")
                    .Append(CSharpText.Literal(op.Client)).Append(", ")
                    .Append(CSharpText.Literal(op.Summary)).Append(", ")
                    .Append("new[] { ").Append(string.Join(", ", op.SuccessStatuses)).Append(" }, ")
                    .Append(CSharpText.Literal(op.MethodName)).Append(", ")
                    .Append(op.EnumerateMethodName == null ? "null" : CSharpText.Literal(op.EnumerateMethodName)).Append(");\n\n");
            }
            code.Append("        /// <summary>All operations, in document order.</summary>\n");
            code.Append("        public static readonly Upstash.DeveloperApi.Operations.ApiOperation[] All =\n        {\n");
            foreach (var op in operations) code.Append("            ").Append(op.Id).Append(",\n");
            code.Append("        };\n    }\n}\n");
            return code.ToString();
        }

        internal static string? FirstServer(JObject holder) =>
            holder["servers"] is JArray servers && servers.Count > 0 ? (string?)servers[0]?["url"] : null;
    }

    public sealed record OperationFacts(string Id, string Method, string Path, string Server, string Client, string Summary, IReadOnlyList<int> SuccessStatuses, string MethodName, string? EnumerateMethodName);
}
