using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>Entry point of upstash-devapi.</summary>
    public static class Program
    {
        /// <summary>Runs the command line.</summary>
        public static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliEnvironment.FromProcess());
    }
}
