using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Operations;

namespace Upstash.DeveloperApi
{
    // A GET operation's answer unread (UpstashClient.SendGetAsync): the same request through the same steps as its
    // typed method, and the body kept as it came, whatever the status.
    public abstract partial class UpstashClientBase
    {
        /// <summary>Sends GET <paramref name="operation"/> with <paramref name="pathValues"/> in its path; returns the answer unread.</summary>
        private protected async Task<UpstashRawResponse> SendRawAsync(ApiOperation operation, IReadOnlyDictionary<string, string> pathValues, CancellationToken cancellationToken)
        {
            var path = new StringBuilder();
            var template = operation.PathTemplate.TrimStart('/');
            for (var at = 0; at < template.Length;)
            {
                var open = template.IndexOf('{', at);
                if (open < 0)
                {
                    path.Append(template, at, template.Length - at);
                    break;
                }
                var close = template.IndexOf('}', open);
                var name = template.Substring(open + 1, close - open - 1);
                pathValues.TryGetValue(name, out var value);
                RequirePathValue(value, name);
                path.Append(template, at, open - at);
                AppendPathValue(path, value!);
                at = close + 1;
            }
            using var request = CreateRequest(operation);
            var (message, span) = Begin(operation, request, path.ToString(), streamBody: false, cancellationToken);
            try
            {
                await _context.Pipeline.SendAsync(message).ConfigureAwait(false);
                using var response = message.Response!;
                var body = response.Content as BufferedContent;
                var result = new UpstashRawResponse((int)response.StatusCode, body?.MediaType, body == null ? System.Array.Empty<byte>() : body.ToArray());
                span.End(result.Status, null);
                return result;
            }
            catch (System.Exception ex)
            {
                span.End(null, ex);
                throw;
            }
        }
    }
}
