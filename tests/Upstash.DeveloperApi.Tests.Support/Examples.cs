using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>The document's example of the seed's token reset response, read from the effective document.</summary>
    public static class Examples
    {
        public static JObject ResetQStashToken =>
            (JObject)SpecDocument.ResponseExamples.First(e => e.Operation.Id == SpecDocument.Seed.Id && e.Status == "200").Value.DeepClone();

        public static string ResetQStashTokenJson => ResetQStashToken.ToString(Formatting.None);

        /// <summary>The example's token and password: tests compare against them and never print them.</summary>
        public static string Token => ResetQStashToken.Value<string>("token")!;

        public static string Password => ResetQStashToken.Value<string>("password")!;

        /// <summary>The first item of the document's listAuditLogs example (a copy).</summary>
        public static JObject AuditLogItem =>
            (JObject)Upstash.DeveloperApi.SpecTools.ExampleAssembler.SuccessResponse(SpecDocument.Operations.Single(o => o.Id == "listAuditLogs").Operation, out _)![0]!;
    }
}
