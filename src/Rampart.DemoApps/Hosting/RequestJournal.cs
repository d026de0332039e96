namespace Rampart.DemoApps.Hosting;

/// <summary>Every request an app received, so tests can prove what a scanner sent (and that it never sent more).</summary>
internal sealed class RequestJournal
{
    private readonly Lock gate = new();
    private readonly List<DemoRequestRecord> records = [];

    public void Add(DemoRequestRecord record)
    {
        lock (gate)
        {
            records.Add(record);
        }
    }

    public DemoRequestRecord[] Snapshot()
    {
        lock (gate)
        {
            return [.. records];
        }
    }
}
