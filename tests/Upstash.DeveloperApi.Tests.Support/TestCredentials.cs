using System;
using System.Text;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>Made-up credentials for loopback tests; no test needs an Upstash account.</summary>
    public static class TestCredentials
    {
        public const string Email = "ci@example.com";
        public const string ApiKey = "test-key-for-loopback-only";

        public static UpstashCredentials Create() => new(Email, ApiKey);

        public static string ExpectedAuthorization(string email = Email, string apiKey = ApiKey) =>
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + apiKey));
    }
}
