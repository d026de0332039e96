namespace Rampart.Tracking;

/// <summary>Ticket severity, from the CVSS 3.1 base score (wire: critical, high, medium, low).</summary>
public enum TicketSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
