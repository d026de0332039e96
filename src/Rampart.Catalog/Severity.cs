namespace Rampart.Catalog;

/// <summary>Severity of a finding or default severity of a requirement, ordered from least to most severe.</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
