namespace Rampart.Catalog;

/// <summary>
/// The one statement of an automated check's facts (<c>checks.yaml</c>, loaded by <see cref="CheckRegistry"/>): the
/// check's code keeps only its logic and takes everything a report or a ticket says about it from here.
/// </summary>
/// <param name="Id">Stable id <c>RMP-&lt;AREA&gt;-&lt;NNN&gt;</c>; never reused for another meaning.</param>
/// <param name="Title">What the check verifies, as a requirement result or finding names it.</param>
/// <param name="Inspects">What it looks at; decides which scans can run it.</param>
/// <param name="AppKinds">The kinds of app it verifies.</param>
/// <param name="Severity">The severity of its findings in the scan report, unless a finding states its own.</param>
/// <param name="DefaultCvssVector">
/// CVSS 3.1 base vector of a new ticket for one of its findings; its band is <paramref name="Severity"/>'s (an
/// <c>info</c> check's is <c>low</c>, the lowest band), which the tracker's tests pin.
/// </param>
/// <param name="Cwe">CWE ids (<c>CWE-319</c>) of the weakness it finds, where one fits; may be empty.</param>
/// <param name="Verifies">The requirement it verifies in each catalog that names it: catalog id → requirement id.</param>
/// <param name="Remediation">How to fix a failure, shown with every finding.</param>
public sealed record CheckRecord(
    string Id,
    string Title,
    CheckTarget Inspects,
    IReadOnlyList<AppKind> AppKinds,
    Severity Severity,
    string DefaultCvssVector,
    IReadOnlyList<string> Cwe,
    IReadOnlyDictionary<string, string> Verifies,
    string Remediation)
{
    /// <summary>
    /// The requirement in the newest catalog that names the check (catalog ids are years, so the last in ordinal
    /// order): the number its verdicts and findings carry. The aggregator renumbers findings to the catalog in use; in
    /// a catalog that does not name the check they keep this number and are advisory.
    /// </summary>
    public string RequirementId => Verifies[Verifies.Keys.Max(StringComparer.Ordinal)!];
}
