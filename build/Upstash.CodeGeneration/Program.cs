using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.CodeGeneration.Emit;
using Upstash.CodeGeneration.Naming;
using Upstash.CodeGeneration.Shapes;
using Upstash.DeveloperApi.SpecTools;
using Upstash.DeveloperApi.SpecTools.Overlay;

namespace Upstash.CodeGeneration
{
    /// <summary>
    /// <c>Upstash.CodeGeneration --spec openapi/openapi.yml [--overlay openapi/corrections.overlay.yml] --out
    /// obj/Generated</c> writes the generated files; <c>--list-operations</c> instead of <c>--out</c> prints one line per
    /// operation of the effective document (<c>Client.operationId METHOD /path</c>), for build/adopt-revision.sh.
    /// </summary>
    /// <remarks>Errors are printed in MSBuild's format, so the build shows them as errors that name the cause.</remarks>
    public static class Program
    {
        public static int Main(string[] args)
        {
            const string ns = "Upstash.DeveloperApi"; // the library's namespace: hand-written code and nswag.json name it too
            string? spec = null, overlay = null, output = null;
            var list = false;
            for (var i = 0; i < args.Length; i += 2)
            {
                if (args[i] == "--list-operations")
                {
                    list = true;
                    i--;
                    continue;
                }
                if (i + 1 >= args.Length) return Fail("command line", $"option '{args[i]}' needs a value");
                switch (args[i])
                {
                    case "--spec": spec = args[i + 1]; break;
                    case "--overlay": overlay = args[i + 1].Length == 0 ? null : args[i + 1]; break;
                    case "--out": output = args[i + 1]; break;
                    default: return Fail("command line", $"unknown option '{args[i]}'");
                }
            }
            if (spec == null || (output == null && !list)) return Fail("command line", "usage: --spec <openapi.yml> [--overlay <overlay.yml>] (--out <folder> | --list-operations)");

            try
            {
                if (list)
                {
                    foreach (var line in OperationLines(spec, overlay)) Console.WriteLine(line);
                    return 0;
                }
                var result = Generate(spec, overlay, ns);
                var folder = output!;
                Directory.CreateDirectory(folder);
                WriteIfChanged(Path.Combine(folder, "openapi.effective.json"), result.EffectiveJson);
                WriteIfChanged(Path.Combine(folder, "ApiOperations.g.cs"), result.OperationTable);
                WriteIfChanged(Path.Combine(folder, "UpstashClient.g.cs"), result.EntryPoint);
                Console.WriteLine($"Upstash.CodeGeneration: {result.Operations} operations in {result.Clients} clients from {spec}{(overlay == null ? string.Empty : " + " + overlay)}");
                return 0;
            }
            catch (OverlayException ex)
            {
                return Fail(overlay ?? spec, ex.Message, "UPSTASH002");
            }
            catch (NamingException ex)
            {
                return Fail(spec, ex.Message, "UPSTASH003");
            }
            catch (OpenApiLoadException ex)
            {
                return Fail(spec, ex.Message, "UPSTASH001");
            }
        }

        /// <summary>The whole step, in memory: overlay, naming rules, and the three outputs.</summary>
        public static GenerationResult Generate(string specPath, string? overlayPath, string ns)
        {
            var document = EffectiveDocument.LoadJson(specPath, overlayPath);
            var documentServer = OperationTable.FirstServer(document) ?? "/";
            var clients = ClientNames.Apply(document);
            InlineSchemaNames.Apply(document);
            IntegerWidth.Apply(document);
            UuidAsString.Apply(document);
            StringBooleans.Apply(document);
            foreach (var note in SharedEnums.Apply(document)) Console.WriteLine($"{specPath}: note: {note}");
            TypeNames.Apply(document);
            UnusedSchemas.Apply(document);
            RequestBodies.Apply(document);
            PropertyNames.Apply(document);
            EnumMembers.Apply(document);
            Acknowledgements.Apply(document);
            var operations = OperationTable.Read(document);
            return new GenerationResult(
                document.ToString(Formatting.Indented).Replace("\r\n", "\n"),
                OperationTable.Write(operations, documentServer, ns),
                EntryPoint.Write(clients, ns),
                operations.Count,
                clients.Count);
        }

        /// <summary>The operations of the effective document, sorted: <c>QStash.resetQStashToken POST /qstash/rotate-token/{id}</c>.</summary>
        public static IReadOnlyList<string> OperationLines(string specPath, string? overlayPath)
        {
            var document = EffectiveDocument.LoadJson(specPath, overlayPath);
            ClientNames.Apply(document);
            return OperationTable.Read(document).Select(o => $"{o.Client}.{o.Id} {o.Method} {o.Path}").OrderBy(l => l, StringComparer.Ordinal).ToList();
        }

        /// <summary>Unchanged outputs keep their timestamps, so an unchanged rebuild compiles nothing new.</summary>
        private static void WriteIfChanged(string path, string text)
        {
            if (File.Exists(path) && File.ReadAllText(path) == text) return;
            File.WriteAllText(path, text);
        }

        private static int Fail(string file, string message, string code = "UPSTASH000")
        {
            Console.Error.WriteLine($"{file}: error {code}: {message}");
            return 1;
        }
    }

    public sealed record GenerationResult(string EffectiveJson, string OperationTable, string EntryPoint, int Operations, int Clients);
}
