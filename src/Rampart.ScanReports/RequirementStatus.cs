namespace Rampart.ScanReports;

/// <summary>Verdict for one requirement in one scan. Anything not proven is never <see cref="Pass"/>.</summary>
public enum RequirementStatus
{
    Pass,
    Fail,
    NotApplicable,
    Manual,
    Error,
}
