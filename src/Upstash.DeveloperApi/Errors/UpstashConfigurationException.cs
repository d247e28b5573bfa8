using System;

namespace Upstash.DeveloperApi
{
    /// <summary>The client is set up wrong (missing credentials, a base address that would send them in clear text…).</summary>
    /// <remarks>The message says what to fix.</remarks>
    public sealed class UpstashConfigurationException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What is wrong and how to fix it; never a secret.</param>
        public UpstashConfigurationException(string message) : base(message) { }
    }
}
