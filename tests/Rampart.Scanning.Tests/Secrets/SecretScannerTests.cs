using Rampart.Scanning.Secrets;

namespace Rampart.Scanning.Tests.Secrets;

public sealed class SecretScannerTests
{
    [Theory]
    [InlineData("https://app.example.com/hook?access_token=9f8e7d6c5b4a39281706f5e4d3c2b1a0", "credential-in-url")]
    [InlineData("key: AKIAZ7Q3M4N5P6R7S8T9", "aws-access-key")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIE...", "private-key")]
    [InlineData("token xoxb-123456789012-abcdefghijkl", "slack-token")]
    [InlineData("ghp_0123456789abcdefghijABCDEFGHIJ012345", "github-token")]
    [InlineData("\"sharedSecret\": \"q8Z3kL0vN2xR7tY5wP1mA9sD4fG6hJ8\"", "connect-shared-secret")]
    [InlineData("https://user:s3cr3tpass@api.example.com/", "userinfo-in-url")]
    public void Finds_planted_secrets(string text, string rule) =>
        SecretScanner.Scan(text).Select(m => m.Rule.Id).ShouldContain(rule);

    [Theory]
    [InlineData("https://app.example.com/page?token=changeme123")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("https://app.example.com/page?project={project.key}&issue={issue.key}")]
    [InlineData("\"password\": \"aaaaaaaaaaaaaaaaaaaa\"")]
    [InlineData("\"apiKey\": \"${process.env.API_KEY}\"")]
    [InlineData("The token endpoint is documented at https://developer.atlassian.com/")]
    public void Ignores_look_alikes(string text) => SecretScanner.Scan(text).ShouldBeEmpty();

    [Theory]
    [InlineData("const KEY = 'x'; // AKIA in capitals", true)]
    [InlineData("const key = 'akia lower-case';", true)]
    [InlineData("AkIa mixed", true)]
    [InlineData("no keyword here", false)]
    [InlineData("", false)]
    public void Keywords_are_found_case_insensitively_as_OrdinalIgnoreCase(string text, bool expected)
    {
        var rule = new SecretRule("k", "k", ["akia", "asia"], new System.Text.RegularExpressions.Regex("x"));

        rule.HasKeyword(text).ShouldBe(expected);
        rule.HasKeyword(text).ShouldBe(rule.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void A_rule_copied_with_other_keywords_searches_for_its_own()
    {
        var rule = new SecretRule("k", "k", ["alpha"], new System.Text.RegularExpressions.Regex("x"));
        rule.HasKeyword("ALPHA").ShouldBeTrue();

        var copy = rule with { Keywords = ["beta"] };

        copy.HasKeyword("ALPHA").ShouldBeFalse();
        copy.HasKeyword("Beta").ShouldBeTrue();
        copy.ShouldNotBe(rule);
        (rule with { }).ShouldBe(rule); // the keyword index is not part of a rule's value
    }

    [Fact]
    public void An_empty_keyword_matches_every_text_and_no_keywords_match_none()
    {
        new SecretRule("e", "e", [""], new System.Text.RegularExpressions.Regex("x")).HasKeyword("anything").ShouldBeTrue();
        new SecretRule("n", "n", [], new System.Text.RegularExpressions.Regex("x")).HasKeyword("anything").ShouldBeFalse();
    }

    [Fact]
    public void A_rule_that_times_out_is_named_so_the_text_is_not_reported_clean()
    {
        // Catastrophic backtracking with a 1 ms budget: the rule cannot finish on this text.
        var slow = new SecretRule("slow-rule", "slow", ["a"], new System.Text.RegularExpressions.Regex("(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(1)));
        var fast = SecretRules.All.Single(r => r.Id == "aws-access-key");

        var scan = SecretScanner.ScanAll(new string('a', 40) + "! key: AKIAZ7Q3M4N5P6R7S8T9", [slow, fast]);

        scan.TimedOut.ShouldBe(["slow-rule"]);
        scan.Matches.Select(m => m.Rule.Id).ShouldBe(["aws-access-key"]);
    }

    [Fact]
    public void Reports_position_and_never_the_whole_secret()
    {
        const string secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        var match = SecretScanner.Scan($"line one\n  url: https://x.example/?token={secret}").Single();

        match.Line.ShouldBe(2);
        match.Column.ShouldBeGreaterThan(1);
        match.Redacted.ShouldNotContain(secret);
        match.Redacted.ShouldContain("9f8e");
    }

    [Fact]
    public void Entropy_separates_random_from_repetitive()
    {
        SecretScanner.Entropy("aaaaaaaaaaaaaaaa").ShouldBe(0);
        SecretScanner.Entropy("q8Z3kL0vN2xR7tY5wP1mA9sD").ShouldBeGreaterThan(4);
    }
}
