namespace Rampart.Scanning.Secrets;

/// <summary>What <see cref="SecretScanner.ScanAll"/> found, and the rules that timed out (the text was not fully checked for them).</summary>
public sealed record SecretScan(IReadOnlyList<SecretMatch> Matches, IReadOnlyList<string> TimedOut);
