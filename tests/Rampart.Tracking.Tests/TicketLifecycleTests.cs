namespace Rampart.Tracking.Tests;

/// <summary>The state machine checked against design §3, written out here independently of the code's table.</summary>
public sealed class TicketLifecycleTests
{
    // from > to : who (vendor = partner + staff, staff = analyst + admin, auto = scans and policy engine)
    private static readonly string[] Expected =
    [
        "open>in-progress:vendor", "reopened>in-progress:vendor", "escalated>in-progress:vendor",
        "in-progress>fix-submitted:vendor", "escalated>fix-submitted:vendor",
        "in-progress>workaround-proposed:vendor", "escalated>workaround-proposed:vendor",
        "open>extension-requested:vendor", "reopened>extension-requested:vendor", "in-progress>extension-requested:vendor", "escalated>extension-requested:vendor",
        "fix-submitted>verified-fixed:staff", "fix-submitted>reopened:staff",
        "workaround-proposed>mitigated:staff", "workaround-proposed>in-progress:staff", "extension-requested>in-progress:staff",
        .. Active.Select(s => $"{s}>false-positive:staff"),
        .. Active.Select(s => $"{s}>exception-granted:staff"),
        "verified-fixed>reopened:staff", "mitigated>reopened:staff", "false-positive>reopened:staff", "exception-granted>reopened:staff",
        .. Active.Select(s => $"{s}>verified-fixed:auto"),
        "verified-fixed>reopened:auto", "false-positive>reopened:auto", "fix-submitted>reopened:auto",
        .. Active.Select(s => $"{s}>exception-granted:auto"),
        .. Active.Where(s => s != "escalated").Select(s => $"{s}>escalated:auto"),
        "exception-granted>open:auto",
    ];

    // What a move requires of the request (design §3: a human decision needs a reason, an exception its expiry, an
    // approved extension its new due date). Every move not listed needs no reason and accepts no due date.
    private static readonly string[] Preconditions =
    [
        .. Active.Select(s => $"{s}>false-positive:staff reason"),
        "workaround-proposed>mitigated:staff reason",
        .. Active.Select(s => $"{s}>exception-granted:staff reason exception-expiry"),
        .. Active.Select(s => $"{s}>exception-granted:auto reason exception-expiry"),
        "extension-requested>in-progress:staff new-due-date",
    ];

    private static string[] Active => ["open", "reopened", "in-progress", "fix-submitted", "workaround-proposed", "extension-requested", "escalated"];

    public static TheoryData<Role> AllRoles => new() { Role.SecurityAdmin, Role.SecurityAnalyst, Role.Partner, Role.Auditor, Role.Ingest, Role.System };

    [Theory, MemberData(nameof(AllRoles))]
    public void Every_allowed_move_is_allowed_and_every_other_move_is_illegal_for_each_role(Role role)
    {
        var allowed = Expected.Select(Parse).Where(e => Holds(e.Who, role)).Select(e => (e.From, e.To)).ToHashSet();
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            foreach (var to in Enum.GetValues<TicketStatus>())
            {
                if (allowed.Contains((from, to)))
                {
                    TicketLifecycle.Require(from, to, role).To.ShouldBe(to);
                }
                else
                {
                    var error = Should.Throw<IllegalTransitionException>(() => TicketLifecycle.Require(from, to, role), $"{from} → {to} as {role}");
                    error.StatusCode.ShouldBe(409);
                    error.Allowed.ShouldBe(allowed.Where(a => a.From == from).Select(a => a.To).Distinct(), ignoreOrder: true);
                }
            }
        }
    }

    [Fact]
    public void The_code_table_has_no_move_beyond_the_design()
    {
        var expected = Expected.Select(Parse).Select(e => $"{e.From}>{e.To}:{e.Who}").ToHashSet();
        var actual = TicketLifecycle.Rules.Select(r => $"{r.From}>{r.To}:{r.By switch { Mover.Vendor => "vendor", Mover.Staff => "staff", _ => "auto" }}").ToHashSet();
        actual.Except(expected).ShouldBeEmpty();
        expected.Except(actual).ShouldBeEmpty();
    }

    [Fact]
    public void Each_move_requires_the_reason_and_due_date_the_design_says()
    {
        var expected = Preconditions.ToDictionary(p => p[..p.IndexOf(' ', StringComparison.Ordinal)], p => p.Split(' ')[1..], StringComparer.Ordinal);
        foreach (var rule in TicketLifecycle.Rules)
        {
            var key = $"{TicketStatusNames.ToWire(rule.From)}>{TicketStatusNames.ToWire(rule.To)}:{rule.By switch { Mover.Vendor => "vendor", Mover.Staff => "staff", _ => "auto" }}";
            var needs = expected.GetValueOrDefault(key, []);
            rule.ReasonRequired.ShouldBe(needs.Contains("reason"), key);
            rule.DueDate.ShouldBe(
                needs.Contains("exception-expiry") ? DueDateUse.ExceptionExpiry : needs.Contains("new-due-date") ? DueDateUse.NewDueDate : DueDateUse.NotAccepted, key);
            expected.Remove(key);
        }

        expected.Keys.ShouldBeEmpty("preconditions of moves the table does not have");
    }

    [Fact]
    public void Partners_make_only_vendor_moves()
    {
        var partnerTargets = TicketLifecycle.Rules.Where(r => r.AllowedFor(Role.Partner)).Select(r => r.To).Distinct();
        partnerTargets.ShouldBe([TicketStatus.InProgress, TicketStatus.FixSubmitted, TicketStatus.WorkaroundProposed, TicketStatus.ExtensionRequested], ignoreOrder: true);
    }

    [Fact]
    public void The_error_names_from_to_and_the_allowed_targets()
    {
        var error = Should.Throw<IllegalTransitionException>(() => TicketLifecycle.Require(TicketStatus.Open, TicketStatus.FalsePositive, Role.Partner));
        error.Detail.ShouldContain("'open' to 'false-positive'");
        error.Detail.ShouldContain("not allowed for role partner");
        error.Detail.ShouldContain("in-progress, extension-requested");
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            TicketStatusNames.Parse(TicketStatusNames.ToWire(status)).ShouldBe(status);
            System.Text.Json.JsonSerializer.Serialize(status, TrackingJson.Options).ShouldBe($"\"{TicketStatusNames.ToWire(status)}\"");
        }

        foreach (var role in Enum.GetValues<Role>())
        {
            RoleNames.Parse(RoleNames.ToWire(role)).ShouldBe(role);
            System.Text.Json.JsonSerializer.Serialize(role, TrackingJson.Options).ShouldBe($"\"{RoleNames.ToWire(role)}\"");
        }

        Should.Throw<ValidationException>(() => TicketStatusNames.Parse("closed")).Errors.ShouldContainKey("status");
    }

    private static bool Holds(string who, Role role) => who switch
    {
        "vendor" => role is Role.Partner or Role.SecurityAnalyst or Role.SecurityAdmin,
        "staff" => role is Role.SecurityAnalyst or Role.SecurityAdmin,
        _ => role == Role.System,
    };

    private static (TicketStatus From, TicketStatus To, string Who) Parse(string entry)
    {
        var arrow = entry.IndexOf('>', StringComparison.Ordinal);
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        return (TicketStatusNames.Parse(entry[..arrow]), TicketStatusNames.Parse(entry[(arrow + 1)..colon]), entry[(colon + 1)..]);
    }
}
