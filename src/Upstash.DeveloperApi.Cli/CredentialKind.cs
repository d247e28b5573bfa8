using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Upstash.DeveloperApi.Cli
{
    /// <summary>
    /// A kind of credential the API issues, and everything the rotate command needs to know about it: its command, its id
    /// option (named as in Upstash's own CLI), the one operation that rotates it, and the variables its new secrets are
    /// written to.
    /// </summary>
    /// <remarks>The four kinds are the only per-kind code of the command.</remarks>
    internal sealed class CredentialKind
    {
        private CredentialKind(string name, string what, string? idOption, string idDescription, string defaultPrefix,
            IReadOnlyList<SecretField> secrets, string console, Func<UpstashClient, string?, CancellationToken, Task<object>> rotate)
        {
            Name = name;
            What = what;
            IdOption = idOption;
            IdDescription = idDescription;
            DefaultPrefix = defaultPrefix;
            Secrets = secrets;
            Console = console;
            Rotate = rotate;
        }

        /// <summary>The subcommand: <c>rotate qstash</c>.</summary>
        public string Name { get; }

        /// <summary>What is rotated, for messages: "the QStash token".</summary>
        public string What { get; }

        /// <summary>The id option (<c>--db-id</c>); for QStash it may be left out (the default user).</summary>
        public string? IdOption { get; }

        public string IdDescription { get; }

        /// <summary>Whether the id option must be given.</summary>
        public bool IdRequired => Name != "qstash";

        /// <summary>The default start of the variable names (<c>--prefix</c> replaces it).</summary>
        public string DefaultPrefix { get; }

        /// <summary>The result's JSON fields that hold the new secrets, and the end of each variable's name.</summary>
        public IReadOnlyList<SecretField> Secrets { get; }

        /// <summary>Where in the Upstash console a person finds the new secret when this tool could not write it.</summary>
        public string Console { get; }

        /// <summary>Sends the one request that rotates the credential, and reads its result.</summary>
        public Func<UpstashClient, string?, CancellationToken, Task<object>> Rotate { get; }

        public static readonly CredentialKind QStash = new(
            "qstash", "the QStash token", "--qstash-id",
            "The QStash user to rotate (POST /v2/qstash/rotate-token/{id}); list-qstash-users gives the ids. Without it: the account's default QStash user (POST /qstash/user/rotatetoken, as 1.x did)",
            "QSTASH_", new SecretField[] { new("token", "TOKEN"), new("password", "PASSWORD"), new("read_only_token", "READ_ONLY_TOKEN") }, "Upstash console, QStash",
            async (client, id, ct) => id == null
                ? await client.QStash.ResetQStashTokenAsync(ct).ConfigureAwait(false)
                : await client.QStash.ResetQStashTokenAsync(id, ct).ConfigureAwait(false));

        public static readonly CredentialKind Redis = new(
            "redis", "the password of the Redis database", "--db-id", "The Redis database whose password is reset (POST /v2/redis/reset-password/{id})",
            "UPSTASH_REDIS_", new SecretField[] { new("password", "PASSWORD"), new("rest_token", "REST_TOKEN"), new("read_only_rest_token", "READ_ONLY_REST_TOKEN") }, "Upstash console, Redis, the database's page",
            async (client, id, ct) => await client.Redis.ResetDatabasePasswordAsync(id!, ct).ConfigureAwait(false));

        public static readonly CredentialKind Vector = new(
            "vector", "the tokens of the Vector index", "--index-id", "The Vector index whose tokens are reset (POST /v2/vector/index/{id}/reset-password)",
            "UPSTASH_VECTOR_", new SecretField[] { new("token", "REST_TOKEN"), new("read_only_token", "REST_READONLY_TOKEN") }, "Upstash console, Vector, the index's page",
            async (client, id, ct) => await client.Vector.ResetVectorIndexPasswordsAsync(id!, ct).ConfigureAwait(false));

        public static readonly CredentialKind Search = new(
            "search", "the tokens of the Search index", "--index-id", "The Search index whose tokens are reset (POST /v2/search/{id}/reset-password)",
            "UPSTASH_SEARCH_", new SecretField[] { new("token", "REST_TOKEN"), new("read_only_token", "REST_READONLY_TOKEN") }, "Upstash console, Search, the index's page",
            async (client, id, ct) => await client.Search.ResetSearchIndexPasswordAsync(id!, ct).ConfigureAwait(false));

        /// <summary>A field of the rotation's answer that holds a new secret, and the end of its variable's name.</summary>
        internal sealed record SecretField(string Field, string Variable);

        /// <summary>Every kind, in the order <c>rotate --help</c> lists them.</summary>
        public static readonly IReadOnlyList<CredentialKind> All = new[] { QStash, Redis, Vector, Search };
    }
}
