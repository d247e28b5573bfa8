using System.Collections.Generic;
using System.Linq;
using System.Text;
using Upstash.CodeGeneration.Naming;

namespace Upstash.CodeGeneration.Emit
{
    /// <summary>
    /// <c>UpstashClient.g.cs</c>: what depends on the set of tags, which NSwag renders one client at a
    /// time and so cannot write: the entry point's one property per client, its interface, the
    /// dependency-injection registrations, and each client's summary (the tag's description).
    /// </summary>
    public static class EntryPoint
    {
        public static string Write(IReadOnlyList<ClientInfo> clients, string ns)
        {
            var code = new StringBuilder(CSharpText.Header);
            code.Append("namespace ").Append(ns).Append("\n{\n");

            code.Append("    public partial class UpstashClient : IUpstashClient\n    {\n");
            foreach (var client in clients)
            {
                code.Append("        /// <summary>").Append(Summary(client)).Append("</summary>\n");
                code.Append("        public ").Append(client.ClassName).Append(' ').Append(client.Name).Append(" { get; private set; } = null!;\n\n");
                code.Append("        ").Append(client.InterfaceName).Append(" IUpstashClient.").Append(client.Name).Append(" => ").Append(client.Name).Append(";\n\n");
            }
            code.Append("        private void CreateClients(Upstash.DeveloperApi.Clients.UpstashClientContext context)\n        {\n");
            foreach (var client in clients)
                code.Append("            ").Append(client.Name).Append(" = new ").Append(client.ClassName).Append("(context);\n");
            code.Append("        }\n");
            code.Append("\n        internal static void AddClientServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)\n        {\n");
            foreach (var client in clients)
            {
                code.Append("            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<").Append(client.ClassName)
                    .Append(">(services, provider => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UpstashClient>(provider).").Append(client.Name).Append(");\n");
                code.Append("            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<").Append(client.InterfaceName)
                    .Append(">(services, provider => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UpstashClient>(provider).").Append(client.Name).Append(");\n");
            }
            code.Append("        }\n    }\n\n");

            code.Append("    /// <summary>The Upstash Developer API, one property per group of operations (a tag of the API document). Implemented by <see cref=\"UpstashClient\"/>.</summary>\n");
            code.Append("    public partial interface IUpstashClient\n    {\n");
            foreach (var client in clients)
                code.Append("        /// <summary>").Append(Summary(client)).Append("</summary>\n        ").Append(client.InterfaceName).Append(' ').Append(client.Name).Append(" { get; }\n\n");
            code.Append("    }\n");

            foreach (var client in clients)
            {
                code.Append("\n    /// <summary>").Append(Summary(client)).Append(" Implemented by <see cref=\"").Append(client.ClassName).Append("\"/>; for dependency injection and test doubles.</summary>\n");
                code.Append("    public partial interface ").Append(client.InterfaceName).Append("\n    {\n    }\n");
                code.Append("\n    /// <summary>").Append(Summary(client)).Append("</summary>\n");
                code.Append("    /// <remarks>Thread-safe: share one instance. Failures are <see cref=\"UpstashApiException\"/> subtypes whose messages never carry a secret.</remarks>\n");
                code.Append("    public partial class ").Append(client.ClassName).Append("\n    {\n    }\n");
            }
            code.Append("}\n");
            return code.ToString();
        }

        private static string Summary(ClientInfo client)
        {
            var description = CSharpText.Doc(client.Description).TrimEnd('.');
            return (description.Length > 0 ? description + ": the" : "The") + $" operations tagged <c>{CSharpText.Doc(client.Tag)}</c> in the API document.";
        }
    }
}
