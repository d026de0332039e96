namespace Rampart.Server.Http;

/// <summary>Endpoint metadata: the largest request body the endpoint accepts, in bytes.</summary>
public sealed record BodyLimit(long MaxBytes)
{
    /// <summary>Scan reports: a large app's report with evidence stays well below this.</summary>
    public static BodyLimit Reports { get; } = new(16 * 1024 * 1024);

    /// <summary>Everything else is a small JSON object.</summary>
    public static BodyLimit Small { get; } = new(64 * 1024);
}
