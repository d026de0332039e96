namespace Rampart.ScanReports;

/// <summary>What was wrong with a report a reader was given; nothing was read from it.</summary>
public enum ScanReportProblem
{
    /// <summary>Not JSON, or JSON that does not have the contract's shape (a type, a missing or null field).</summary>
    Malformed,

    /// <summary>Well-formed, but a value breaks the contract's rules (an unknown schema version, an empty fingerprint).</summary>
    Invalid,

    /// <summary>Larger than <see cref="ScanReportReader.MaxBytes"/>.</summary>
    TooLarge,
}

/// <summary>A report that does not follow the contract; the message names the JSON path and, where known, the line.</summary>
public sealed class ScanReportFormatException(ScanReportProblem problem, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ScanReportProblem Problem { get; } = problem;
}
