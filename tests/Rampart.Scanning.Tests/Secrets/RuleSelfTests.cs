using Rampart.Scanning.Checks.Content;
using Rampart.Scanning.Secrets;

namespace Rampart.Scanning.Tests.Secrets;

/// <summary>
/// Every secret rule and credential pattern carries its own examples (next to its definition); a rule changed so
/// that it misses its planted value or flags its look-alike fails here.
/// </summary>
public sealed class RuleSelfTests
{
    public static TheoryData<string> SecretRuleIds => [.. SecretRules.All.Select(r => r.Id)];

    public static TheoryData<string> CredentialPatternIds => [.. CredentialPatterns.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(SecretRuleIds))]
    public void Every_secret_rule_finds_its_examples_and_ignores_its_look_alikes(string id)
    {
        var rule = SecretRules.All.Single(r => r.Id == id);

        rule.MustMatch.ShouldNotBeNull().ShouldNotBeEmpty();
        rule.MustNotMatch.ShouldNotBeNull().ShouldNotBeEmpty();
        foreach (var text in rule.MustMatch)
        {
            SecretScanner.Scan(text, [rule]).ShouldNotBeEmpty($"{id} must match: {text}");
        }

        foreach (var text in rule.MustNotMatch)
        {
            SecretScanner.Scan(text, [rule]).ShouldBeEmpty($"{id} must not match: {text}");
        }
    }

    [Theory]
    [MemberData(nameof(CredentialPatternIds))]
    public void Every_credential_pattern_finds_its_examples_and_ignores_its_look_alikes(string id)
    {
        var pattern = CredentialPatterns.All.Single(p => p.Id == id);

        pattern.MustMatch.ShouldNotBeEmpty();
        pattern.MustNotMatch.ShouldNotBeEmpty();
        foreach (var text in pattern.MustMatch)
        {
            CredentialCollectionCheck.Matches(new ServedAsset("t", ServedAssetKind.Html, text))
                .ShouldContain(m => m.Pattern.Id == id, $"{id} must match: {text}");
        }

        foreach (var text in pattern.MustNotMatch)
        {
            CredentialCollectionCheck.Matches(new ServedAsset("t", ServedAssetKind.Html, text))
                .ShouldNotContain(m => m.Pattern.Id == id, $"{id} must not match: {text}");
        }
    }

    [Fact]
    public void Form_patterns_do_not_apply_to_scripts()
    {
        const string text = "const html = '<input type=\"password\" name=\"api_token\">';";

        CredentialCollectionCheck.Matches(new ServedAsset("t", ServedAssetKind.Script, text)).ShouldBeEmpty();
        CredentialCollectionCheck.Matches(new ServedAsset("t", ServedAssetKind.Html, text)).Select(m => m.Pattern.Id)
            .ShouldBe(["password-input", "token-input"], ignoreOrder: true);
    }

    [Fact]
    public void One_result_per_pattern_and_line_with_its_position()
    {
        const string text = "a\n  btoa(u + ':' + t); btoa(v + ':' + w);\n";

        var match = CredentialCollectionCheck.Matches(new ServedAsset("t", ServedAssetKind.Script, text)).ShouldHaveSingleItem();

        (match.Line, match.Column).ShouldBe((2, 3));
    }
}
