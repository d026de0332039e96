namespace Rampart.Tracking;

/// <summary>The wire spelling of ticket statuses (design §3).</summary>
public static class TicketStatusNames
{
    private static readonly Dictionary<TicketStatus, string> Wire = new()
    {
        [TicketStatus.Open] = "open",
        [TicketStatus.InProgress] = "in-progress",
        [TicketStatus.FixSubmitted] = "fix-submitted",
        [TicketStatus.VerifiedFixed] = "verified-fixed",
        [TicketStatus.Reopened] = "reopened",
        [TicketStatus.WorkaroundProposed] = "workaround-proposed",
        [TicketStatus.Mitigated] = "mitigated",
        [TicketStatus.ExtensionRequested] = "extension-requested",
        [TicketStatus.ExceptionGranted] = "exception-granted",
        [TicketStatus.FalsePositive] = "false-positive",
        [TicketStatus.Escalated] = "escalated",
    };

    private static readonly Dictionary<string, TicketStatus> ByWire = Wire.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Wire.Values;

    public static string ToWire(TicketStatus status) => Wire[status];

    public static bool TryParse(string? wire, out TicketStatus status) => ByWire.TryGetValue(wire?.Trim() ?? string.Empty, out status);

    public static TicketStatus Parse(string wire) =>
        TryParse(wire, out var status)
            ? status
            : throw new ValidationException("status", $"unknown status '{wire}'; expected one of {string.Join(", ", All)}");
}
