namespace Rampart.Scanning.Secrets;

/// <summary>A secret found in text: which rule, where (1-based line and column) and a redacted excerpt.</summary>
public sealed record SecretMatch(SecretRule Rule, int Line, int Column, string Redacted);
