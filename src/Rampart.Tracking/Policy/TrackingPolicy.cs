using System.Reflection;
using System.Text.Json;

namespace Rampart.Tracking;

/// <summary>
/// The bug-fix policy as versioned data (embedded <c>Policy/default-policy.json</c>): the fix deadline per severity counted
/// from when the ticket was reported, what a breach does per severity, and reminders before the due date.
/// </summary>
public sealed record TrackingPolicy(
    string Version,
    IReadOnlyDictionary<TicketSeverity, TimeSpan> Deadlines,
    IReadOnlyDictionary<TicketSeverity, BreachAction> Breach,
    IReadOnlyList<TimeSpan> RemindersBeforeDue)
{
    private static readonly Lazy<TrackingPolicy> Embedded = new(LoadEmbedded);

    /// <summary>The Marketplace bug-fix policy for cloud apps: critical 4 weeks, high 6, medium 8, low 25; critical and
    /// high breaches delist, medium and low escalate; reminders 14, 7 and 1 days before due.</summary>
    public static TrackingPolicy Default => Embedded.Value;

    public DateTimeOffset DueDate(TicketSeverity severity, DateTimeOffset reportedAt) => reportedAt + Deadlines[severity];

    /// <summary>Reads a policy document; throws <see cref="InvalidDataException"/> naming the bad field.</summary>
    public static TrackingPolicy Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new InvalidDataException("policy: 'version' (string) is required");

        var deadlines = new Dictionary<TicketSeverity, TimeSpan>();
        var breach = new Dictionary<TicketSeverity, BreachAction>();
        foreach (var severity in Enum.GetValues<TicketSeverity>())
        {
            var name = severity.ToString().ToLowerInvariant();
            if (!root.TryGetProperty("fixDeadlineDays", out var d) || !d.TryGetProperty(name, out var days) || !days.TryGetInt32(out var n) || n <= 0)
            {
                throw new InvalidDataException($"policy {version}: fixDeadlineDays.{name} must be a positive number of days");
            }

            deadlines[severity] = TimeSpan.FromDays(n);
            if (!root.TryGetProperty("onBreach", out var b) || !b.TryGetProperty(name, out var action)
                || !Enum.TryParse<BreachAction>(action.GetString(), ignoreCase: true, out var parsed))
            {
                throw new InvalidDataException($"policy {version}: onBreach.{name} must be 'escalate' or 'delist'");
            }

            breach[severity] = parsed;
        }

        var reminders = new List<TimeSpan>();
        if (root.TryGetProperty("remindDaysBeforeDue", out var r))
        {
            foreach (var item in r.EnumerateArray())
            {
                if (!item.TryGetInt32(out var n) || n <= 0)
                {
                    throw new InvalidDataException($"policy {version}: remindDaysBeforeDue entries must be positive numbers of days");
                }

                reminders.Add(TimeSpan.FromDays(n));
            }
        }

        return new TrackingPolicy(version, deadlines, breach, reminders.OrderByDescending(x => x).ToList());
    }

    private static TrackingPolicy LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rampart.Tracking.Policy.default-policy.json")
            ?? throw new InvalidDataException("policy: embedded resource missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
