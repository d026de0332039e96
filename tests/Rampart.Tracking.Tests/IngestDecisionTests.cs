namespace Rampart.Tracking.Tests;

/// <summary>
/// The ingest decision checked over its whole input space (no ticket or each status × the five facts) against a table
/// written here from the design's words (architecture §4.3, "Ingest"), independently of the code: each input runs
/// through ingest's own InstanceDecision and TicketRollup for a ticket with one instance.
/// </summary>
public sealed class IngestDecisionTests
{
    private const string ActiveTickets = "open,reopened,in-progress,fix-submitted,workaround-proposed,extension-requested,escalated";

    // ticket (none, or statuses) | reported | covered by an exception | scan started after the ticket changed
    //   | evidence changed | check passed => outcome.  y / n / * (either).  Every input matches exactly one row.
    private static readonly string[] Expected =
    [
        // A finding the app has no ticket for: a new ticket, unless an exception covers it.
        "none | y | n | * | * | * => create",
        "none | y | y | * | * | * => suppress-new",
        "none | n | * | * | * | * => untouched",

        // A finding the app has an active ticket for: an exception now covering it wins over everything else.
        $"{ActiveTickets} | y | y | * | * | * => grant-exception",
        "fix-submitted | y | n | y | * | * => reopen-after-failed-fix",
        "fix-submitted | y | n | n | * | * => unchanged",
        "open,reopened,in-progress,workaround-proposed,extension-requested,escalated | y | n | * | * | * => unchanged",

        // A finding whose ticket is closed: a verified fix that returns reopens (not under an exception); a false positive
        // reopens only when its evidence changed; mitigations and exceptions are never touched by a scan.
        "verified-fixed | y | n | * | * | * => reopen-returned",
        "verified-fixed | y | y | * | * | * => keep-closed",
        "false-positive | y | n | * | y | * => reopen-changed-evidence",
        "false-positive | y | n | * | n | * => keep-closed",
        "false-positive | y | y | * | * | * => keep-closed",
        "mitigated,exception-granted | y | * | * | * | * => keep-closed",

        // A ticket the report does not mention: verified only when active and its check ran and passed at its location.
        $"{ActiveTickets} | n | * | * | * | y => verify",
        $"{ActiveTickets} | n | * | * | * | n => untouched",
        "verified-fixed,false-positive,mitigated,exception-granted | n | * | * | * | * => untouched",
    ];

    // outcome => the status the ticket moves to (- for none), the report counter, whether the ticket takes the new evidence.
    private static readonly string[] Effects =
    [
        "untouched => - none keep",
        "create => - created keep",
        "suppress-new => - suppressed keep",
        "grant-exception => exception-granted suppressed keep",
        "reopen-after-failed-fix => reopened reopened keep",
        "reopen-returned => reopened reopened refresh",
        "reopen-changed-evidence => reopened reopened refresh",
        "keep-closed => - suppressed keep",
        "unchanged => - unchanged keep",
        "verify => verified-fixed verified-fixed keep",
    ];

    private static IEnumerable<IngestFacts> AllInputs()
    {
        TicketStatus?[] tickets = [null, .. Enum.GetValues<TicketStatus>().Cast<TicketStatus?>()];
        bool[] both = [false, true];
        return from ticket in tickets
               from reported in both
               from covered in both
               from after in both
               from changed in both
               from passed in both
               select new IngestFacts(ticket, reported, covered, after, changed, passed);
    }

    [Fact]
    public void Every_input_is_decided_as_the_one_table_row_it_matches_says()
    {
        var rows = Expected.Select(ParseRow).ToList();
        var wrong = new List<string>();
        var inputs = AllInputs().ToList();
        inputs.Count.ShouldBe(12 * 32);
        foreach (var facts in inputs)
        {
            var matching = rows.Where(r => r.Matches(facts)).ToList();
            if (matching.Count != 1)
            {
                wrong.Add($"{facts}: {matching.Count} table rows match");
                continue;
            }

            var actual = SingleInstance.Decide(facts);
            if (actual != matching[0].Outcome)
            {
                wrong.Add($"{facts}: expected {matching[0].Outcome}, decided {actual}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Every_outcome_moves_counts_and_refreshes_evidence_as_the_table_says()
    {
        var effects = Effects.ToDictionary(e => ParseOutcome(e[..e.IndexOf(" =>", StringComparison.Ordinal)]), e => e[(e.IndexOf("=> ", StringComparison.Ordinal) + 3)..].Split(' '));
        effects.Keys.ShouldBe(Enum.GetValues<IngestOutcome>(), ignoreOrder: true);
        foreach (var (outcome, effect) in effects)
        {
            IngestDecision.Target(outcome).ShouldBe(effect[0] == "-" ? null : TicketStatusNames.Parse(effect[0]), outcome.ToString());
            IngestDecision.CountedAs(outcome).ShouldBe(Enum.Parse<IngestCount>(effect[1].Replace("-", "", StringComparison.Ordinal), ignoreCase: true), outcome.ToString());
            IngestDecision.RefreshesEvidence(outcome).ShouldBe(effect[2] == "refresh", outcome.ToString());
        }
    }

    [Fact]
    public void Every_move_ingest_decides_is_an_automatic_move_of_the_lifecycle_table()
    {
        foreach (var facts in AllInputs())
        {
            if (IngestDecision.Target(SingleInstance.Decide(facts)) is { } to)
            {
                facts.Ticket.ShouldNotBeNull();
                TicketLifecycle.Find(facts.Ticket.Value, to, Role.System).ShouldNotBeNull($"{facts} → {to}");
            }
        }
    }

    private static IngestOutcome ParseOutcome(string kebab) => Enum.Parse<IngestOutcome>(kebab.Trim().Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    private static Row ParseRow(string text)
    {
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        var cells = text[..arrow].Split('|', StringSplitOptions.TrimEntries);
        cells.Length.ShouldBe(6, text);
        HashSet<TicketStatus?> tickets = cells[0] == "none" ? [null] : [.. cells[0].Split(',').Select(s => (TicketStatus?)TicketStatusNames.Parse(s))];
        return new Row(tickets, Flag(cells[1]), Flag(cells[2]), Flag(cells[3]), Flag(cells[4]), Flag(cells[5]), ParseOutcome(text[(arrow + 2)..]));

        static bool? Flag(string cell) => cell switch
        {
            "y" => true,
            "n" => false,
            "*" => null,
            _ => throw new FormatException($"'{cell}' is not y, n or *"),
        };
    }

    private sealed record Row(HashSet<TicketStatus?> Tickets, bool? Reported, bool? Covered, bool? After, bool? Changed, bool? Passed, IngestOutcome Outcome)
    {
        public bool Matches(IngestFacts f) =>
            Tickets.Contains(f.Ticket) && Is(Reported, f.Reported) && Is(Covered, f.Covered) && Is(After, f.ScannedAfterChange)
            && Is(Changed, f.EvidenceChanged) && Is(Passed, f.CheckPassed);

        private static bool Is(bool? expected, bool actual) => expected is null || expected == actual;
    }
}
