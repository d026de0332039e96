namespace Rampart.Scanning.Checks.Certificates;

/// <summary>What is wrong with one server certificate: failures of 6.2 and advisories (such as a near expiry).</summary>
public sealed record CertificateJudgement(IReadOnlyList<string> Failures, IReadOnlyList<string> Advisories);
