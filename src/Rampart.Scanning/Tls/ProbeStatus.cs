namespace Rampart.Scanning.Tls;

/// <summary>How one ClientHello was answered.</summary>
public enum ProbeStatus
{
    /// <summary>A ServerHello for exactly the version probed.</summary>
    Accepted,

    /// <summary>An alert, a clean close, or a ServerHello for another version.</summary>
    Rejected,

    /// <summary>No verdict: timeout, connect failure, malformed or hostile reply, exhausted budget.</summary>
    Error,
}
