using System.Text;

namespace Upstash.DeveloperApi
{
    /// <summary>The answer to a GET sent with <see cref="UpstashClient.SendGetAsync"/>, unread: its status, its media type and its body.</summary>
    /// <remarks>The body may hold secrets (a database's password): it is never part of <see cref="ToString"/>; get it with <see cref="GetBody"/>.</remarks>
    public sealed class UpstashRawResponse
    {
        private readonly byte[] _body;

        /// <summary>Creates an answer (for a test of your own checks).</summary>
        /// <param name="status">The HTTP status.</param>
        /// <param name="mediaType">The body's media type, or null.</param>
        /// <param name="body">The body as UTF-8 text.</param>
        public UpstashRawResponse(int status, string? mediaType, string body)
            : this(status, mediaType, Encoding.UTF8.GetBytes(body ?? string.Empty))
        {
        }

        internal UpstashRawResponse(int status, string? mediaType, byte[] body)
        {
            Status = status;
            MediaType = mediaType;
            _body = body;
        }

        /// <summary>The HTTP status, whatever it is: a GET sent this way raises no exception for an error status.</summary>
        public int Status { get; }

        /// <summary>The media type of the body (<c>application/json</c>), or null when the service named none.</summary>
        public string? MediaType { get; }

        /// <summary>The length of the body, in bytes.</summary>
        public int Length => _body.Length;

        /// <summary>The body as text (UTF-8).</summary>
        /// <remarks>It may hold secrets: print or log it only if you know it does not.</remarks>
        public string GetBody() => Encoding.UTF8.GetString(_body);

        /// <inheritdoc/>
        public override string ToString() => $"UpstashRawResponse {{ Status = {Status}, MediaType = {MediaType}, Body: {Length} bytes }}";
    }
}
