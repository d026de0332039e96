namespace Rampart.Tracking.Tests;

/// <summary>
/// The ticket's move from its instances: the multi-instance cases the design names are written out here (the
/// single-instance input space is <c>IngestDecisionTests</c>' table, run through the same functions).
/// </summary>
public sealed class TicketRollupTests
{
    // ticket | instances (before>after, r = reported; "-" before = a new instance) | scan after the ticket changed | check ran => outcome
    private static readonly string[] Scenarios =
    [
        "open | open>open r, open>fixed | n | y => unchanged",                    // one location still fails
        "open | open>fixed, open>fixed | n | y => verify",                        // the check ran and nothing is open
        "open | false-positive>false-positive, open>fixed | n | y => verify",     // a false-positive location does not keep it open
        "open | open>open, open>fixed | n | y => unchanged",                      // a location skipped by the scan stays open
        "open | open>fixed | n | n => unchanged",                                 // (cannot pass without running; kept open)
        "in-progress | open>excepted r, open>fixed | n | y => grant-exception",   // the exception covers what remained
        "open | open>excepted r, open>open r | n | y => unchanged",               // a pattern covering one location only
        "fix-submitted | open>fixed, open>open r | y | y => reopen-after-failed-fix",
        "fix-submitted | open>open r | n | y => unchanged",                       // scanned before the fix was submitted
        "verified-fixed | fixed>fixed, ->open r | n | y => reopen-returned",      // a new location reopens the requirement
        "false-positive | false-positive>false-positive r, ->open r | n | y => reopen-changed-evidence",
        "false-positive | false-positive>false-positive r, ->excepted r | n | y => keep-closed",
        "mitigated | open>open r, ->open r | n | y => keep-closed",
        "exception-granted | excepted>open r | n | y => keep-closed",
        "none | ->open r, ->excepted r | n | y => create",
        "none | ->excepted r, ->excepted r | n | y => suppress-new",
        "verified-fixed | fixed>fixed, fixed>fixed | n | y => untouched",
    ];

    [Fact]
    public void Tickets_with_several_instances_move_as_the_design_says()
    {
        var wrong = new List<string>();
        foreach (var scenario in Scenarios)
        {
            var cells = scenario.Split('|', StringSplitOptions.TrimEntries);
            var ticket = cells[0] == "none" ? (TicketStatus?)null : TicketStatusNames.Parse(cells[0]);
            var instances = cells[1].Split(',', StringSplitOptions.TrimEntries).Select(i =>
            {
                var reported = i.EndsWith(" r", StringComparison.Ordinal);
                var move = (reported ? i[..^2] : i).Split('>');
                return new InstanceChange(move[0] == "-" || move[0].Length == 0 ? null : InstanceDecisionTests.State(move[0]), InstanceDecisionTests.State(move[1]), reported);
            }).ToList();
            var last = cells[3].Split("=>", StringSplitOptions.TrimEntries);
            var expected = Enum.Parse<IngestOutcome>(last[1].Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
            var actual = TicketRollup.Decide(ticket, instances, cells[2] == "y", last[0] == "y");
            if (actual != expected)
            {
                wrong.Add($"{scenario}: decided {actual}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Severity_is_the_highest_open_instances_and_a_ticket_with_none_open_keeps_its_own()
    {
        TicketRollup.Severity([(InstanceState.Open, TicketSeverity.Medium), (InstanceState.Open, TicketSeverity.High), (InstanceState.Fixed, TicketSeverity.Critical)], TicketSeverity.Low)
            .ShouldBe(TicketSeverity.High);
        TicketRollup.Severity([(InstanceState.Fixed, TicketSeverity.Critical), (InstanceState.Excepted, TicketSeverity.High)], TicketSeverity.Medium)
            .ShouldBe(TicketSeverity.Medium);
    }
}
