namespace Rampart.Tracking.Tests;

public sealed class PolicyTests
{
    [Fact]
    public void The_default_policy_is_the_marketplace_cloud_policy()
    {
        var policy = TrackingPolicy.Default;
        policy.Version.ShouldNotBeNullOrWhiteSpace();
        policy.Deadlines[TicketSeverity.Critical].ShouldBe(TimeSpan.FromDays(28));
        policy.Deadlines[TicketSeverity.High].ShouldBe(TimeSpan.FromDays(42));
        policy.Deadlines[TicketSeverity.Medium].ShouldBe(TimeSpan.FromDays(56));
        policy.Deadlines[TicketSeverity.Low].ShouldBe(TimeSpan.FromDays(175));
        policy.Breach[TicketSeverity.Critical].ShouldBe(BreachAction.Delist);
        policy.Breach[TicketSeverity.High].ShouldBe(BreachAction.Delist);
        policy.Breach[TicketSeverity.Medium].ShouldBe(BreachAction.Escalate);
        policy.Breach[TicketSeverity.Low].ShouldBe(BreachAction.Escalate);
        policy.RemindersBeforeDue.ShouldBe([TimeSpan.FromDays(14), TimeSpan.FromDays(7), TimeSpan.FromDays(1)]);
    }

    [Theory]
    [InlineData("""{"fixDeadlineDays":{}}""", "'version'")]
    [InlineData("""{"version":"x","fixDeadlineDays":{"critical":28,"high":42,"medium":56},"onBreach":{}}""", "fixDeadlineDays.low")]
    [InlineData("""{"version":"x","fixDeadlineDays":{"critical":28,"high":42,"medium":56,"low":1},"onBreach":{"low":"ignore"}}""", "onBreach.low")]
    public void A_bad_policy_names_the_field(string json, string expected)
    {
        Should.Throw<InvalidDataException>(() => TrackingPolicy.Parse(json)).Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("https://app.example/*", "https://app.example/rest/x", true)]
    [InlineData("https://app.example/*", "https://other.example/", false)]
    [InlineData("*/install?", "https://a/install1", true)]
    [InlineData("*/install?", "https://a/install", false)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    public void Location_globs_match_star_and_question_mark(string pattern, string text, bool expected) =>
        Glob.IsMatch(pattern, text).ShouldBe(expected);
}
