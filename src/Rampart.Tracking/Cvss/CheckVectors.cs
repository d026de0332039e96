using Rampart.Catalog;

namespace Rampart.Tracking;

/// <summary>
/// The default CVSS 3.1 vector of a new ticket: the one in the check's <see cref="CheckRecord"/>
/// (src/Rampart.Catalog/checks.yaml), else, for a check this version has no record of (a report from another scanner
/// version), the vector of the finding's severity. Every vector is validated when loaded.
/// </summary>
public sealed class CheckVectors
{
    private static readonly Lazy<CheckVectors> Embedded = new(() => From(CheckRegistry.Embedded.All));

    // A band-typical vector per report severity for findings of unknown checks; info findings open low tickets, the
    // lowest band. Each lies in its severity's band, as CvssVectorTests checks.
    private static readonly Dictionary<Severity, CvssVector> BySeverity = new()
    {
        [Severity.Critical] = CvssVector.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
        [Severity.High] = CvssVector.Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
        [Severity.Medium] = CvssVector.Parse("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"),
        [Severity.Low] = CvssVector.Parse("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"),
        [Severity.Info] = CvssVector.Parse("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"),
    };

    private readonly Dictionary<string, CvssVector> byCheck;

    private CheckVectors(Dictionary<string, CvssVector> byCheck) => this.byCheck = byCheck;

    public static CheckVectors Default => Embedded.Value;

    public CvssVector Resolve(string checkId, Severity findingSeverity) =>
        byCheck.TryGetValue(checkId, out var vector) ? vector
        : BySeverity.TryGetValue(findingSeverity, out vector) ? vector
        : BySeverity[Severity.Medium];

    /// <summary>The vector a finding of an unknown check gets for its severity.</summary>
    internal static CvssVector ForSeverity(Severity severity) => BySeverity[severity];

    /// <summary>Takes each record's default vector; throws <see cref="InvalidDataException"/> naming the check whose vector is invalid.</summary>
    public static CheckVectors From(IEnumerable<CheckRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var byCheck = new Dictionary<string, CvssVector>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!CvssVector.TryParse(record.DefaultCvssVector, out var vector, out var error))
            {
                throw new InvalidDataException($"check {record.Id}: default CVSS vector '{record.DefaultCvssVector}': {error}");
            }

            byCheck[record.Id] = vector;
        }

        return new CheckVectors(byCheck);
    }
}
