using System;
using System.Collections.Generic;

namespace Upstash.DeveloperApi.Operations
{
    // Hand-written: finding an operation of the generated table (ApiOperations.g.cs) by its operationId.
    internal static partial class ApiOperations
    {
        // Built on first use: static initializers of partial classes run in no defined order across files.
        private static Dictionary<string, Operations.ApiOperation>? _byId;

        private static Dictionary<string, Operations.ApiOperation> ById => _byId ??= Index();

        /// <summary>The operation with this operationId.</summary>
        /// <exception cref="ArgumentException">The document has no such operation.</exception>
        public static Operations.ApiOperation Get(string operationId) =>
            ById.TryGetValue(operationId, out var operation) ? operation : throw new ArgumentException($"The API document has no operation '{operationId}'.", nameof(operationId));

        /// <summary>The operation with this operationId, or null.</summary>
        public static Operations.ApiOperation? Find(string operationId) => ById.TryGetValue(operationId, out var operation) ? operation : null;

        private static Dictionary<string, Operations.ApiOperation> Index()
        {
            var index = new Dictionary<string, Operations.ApiOperation>(StringComparer.Ordinal);
            foreach (var operation in All) index[operation.Id] = operation;
            return index;
        }
    }
}
