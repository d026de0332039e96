using Rampart.Catalog;
using Rampart.Scanning.Engine;

namespace Rampart.Scanning.Checks;

/// <summary>
/// One automated verification. A check reports a failure to verify as a result
/// (<see cref="ScanReports.RequirementStatus.Error"/>), never by throwing: one broken check must not abort a scan.
/// </summary>
public interface ICheck
{
    /// <summary>The check's metadata, from <see cref="CheckRegistry.Embedded"/>: the code holds only the logic.</summary>
    CheckRecord Info { get; }

    Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken);
}
