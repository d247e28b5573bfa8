namespace Upstash.DeveloperApi
{
    // Hand-written: the generated interface's summary (the API document has none for it).

    /// <summary>The QStash operations of the Upstash Developer API, for dependency injection and test doubles. Implemented by <see cref="QStashClient"/>.</summary>
    public partial interface IQStashClient
    {
    }
}
