using NUnit.Framework;
using Upstash.DeveloperApi.Tests.Support;

/// <summary>
/// Runs once after every test of the assembly: outside any namespace, as NUnit requires of a setup fixture that is
/// to cover the whole assembly (one in a namespace covers only the tests of that namespace).
/// </summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteWhatTheTestsWrote() => TestTemp.DeleteTheRoot();
}
