using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi.Clients
{
    /// <summary>The client behind <see cref="UpstashClient.SendGetAsync"/>: the shared context, and the raw GET of the base class.</summary>
    internal sealed class RawClient : UpstashClientBase
    {
        public RawClient(UpstashClientContext context)
            : base(context)
        {
        }

        public Task<UpstashRawResponse> SendGetAsync(ApiOperation operation, IReadOnlyDictionary<string, string> pathValues, CancellationToken cancellationToken) =>
            SendRawAsync(operation, pathValues, cancellationToken);
    }
}
