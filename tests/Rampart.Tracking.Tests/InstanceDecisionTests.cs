namespace Rampart.Tracking.Tests;

/// <summary>Each instance's next state over the whole input space, against a table written here independently.</summary>
public sealed class InstanceDecisionTests
{
    // state (none or states) | reported | covered | evidence changed | check passed => state after (none).  y / n / *.
    private static readonly string[] Expected =
    [
        "none | y | n | * | * => open",
        "none | y | y | * | * => excepted",
        "none | n | * | * | * => none",
        "open | n | * | * | y => fixed",
        "open | n | * | * | n => open",
        "fixed,false-positive,excepted | n | * | * | * => same",
        "open,fixed,false-positive,excepted | y | y | * | * => excepted",
        "open,fixed,excepted | y | n | * | * => open",
        "false-positive | y | n | y | * => open",
        "false-positive | y | n | n | * => false-positive",
    ];

    [Fact]
    public void Every_input_is_decided_as_the_one_table_row_it_matches_says()
    {
        bool[] both = [false, true];
        InstanceState?[] states = [null, .. Enum.GetValues<InstanceState>().Cast<InstanceState?>()];
        var rows = Expected.Select(Parse).ToList();
        var wrong = new List<string>();
        var count = 0;
        foreach (var facts in from s in states from r in both from c in both from e in both from p in both select new InstanceFacts(s, r, c, e, p))
        {
            count++;
            var matching = rows.Where(row => row.Matches(facts)).ToList();
            if (matching.Count != 1)
            {
                wrong.Add($"{facts}: {matching.Count} rows match");
                continue;
            }

            var expected = matching[0].After == "same" ? facts.State : State(matching[0].After);
            if (InstanceDecision.Decide(facts) != expected)
            {
                wrong.Add($"{facts}: expected {expected?.ToString() ?? "none"}, decided {InstanceDecision.Decide(facts)?.ToString() ?? "none"}");
            }
        }

        count.ShouldBe(5 * 16);
        wrong.ShouldBeEmpty();
    }

    internal static InstanceState? State(string name) => name == "none" ? null : Enum.Parse<InstanceState>(name.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    private static Row Parse(string text)
    {
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        var cells = text[..arrow].Split('|', StringSplitOptions.TrimEntries);
        return new Row([.. cells[0].Split(',').Select(State)], Flag(cells[1]), Flag(cells[2]), Flag(cells[3]), Flag(cells[4]), text[(arrow + 2)..].Trim());

        static bool? Flag(string cell) => cell switch { "y" => true, "n" => false, _ => null };
    }

    private sealed record Row(HashSet<InstanceState?> States, bool? Reported, bool? Covered, bool? Changed, bool? Passed, string After)
    {
        public bool Matches(InstanceFacts f) =>
            States.Contains(f.State) && Is(Reported, f.Reported) && Is(Covered, f.Covered) && Is(Changed, f.EvidenceChanged) && Is(Passed, f.CheckPassed);

        private static bool Is(bool? expected, bool actual) => expected is null || expected == actual;
    }
}
