namespace Rampart.Tracking;

/// <summary>An analyst's CVSS 3.1 vector replacing the check's default, with the reason (audited).</summary>
public sealed record SeverityOverride(string CvssVector, string Reason);
