namespace Rampart.Catalog.Tests;

public sealed class Catalog2020Tests
{
    private static readonly RequirementCatalog Catalog = EmbeddedCatalogTests.Catalog("2020");

    [Fact]
    public void Has_exactly_the_fifteen_numbered_requirements()
    {
        Catalog.Requirements.Select(r => r.Id).ShouldBe(Enumerable.Range(1, 15).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Catalog.Requirements.ShouldAllBe(r => !r.IsGuideline);
    }

    [Fact]
    public void Takes_effect_thirty_days_after_publication()
    {
        Catalog.Published.ShouldBe(new DateOnly(2020, 6, 5));
        Catalog.Effective.ShouldBe(Catalog.Published.AddDays(30));
    }

    [Theory]
    [InlineData("1", "Transport Layer Security", "RMP-TLS-001", "RMP-HSTS-001")]
    [InlineData("2", "Cache Control", "RMP-HDR-002")]
    [InlineData("4", "Domain and Subdomain Takeover", "RMP-DNS-002")]
    [InlineData("11", "Session Cookie Configuration", "RMP-HDR-003")]
    [InlineData("12", "Referrer Policy", "RMP-HDR-001")]
    public void Old_numbers_keep_their_titles_and_checks(string id, string title, params string[] checks)
    {
        var requirement = Catalog.Find(id).ShouldNotBeNull();

        requirement.Title.ShouldBe(title);
        checks.ShouldBeSubsetOf(requirement.CheckIds);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("13")]
    [InlineData("14")]
    [InlineData("15")]
    public void Requirements_no_check_can_prove_are_manual(string id) =>
        Catalog.Find(id).ShouldNotBeNull().Verification.ShouldBe(VerificationMode.Manual);

    [Fact]
    public void Connect_only_items_do_not_apply_to_other_kinds()
    {
        Catalog.Find("7").ShouldNotBeNull().AppliesTo.ShouldBe([AppKind.Connect]);
        Catalog.Find("9").ShouldNotBeNull().AppliesTo.ShouldBe([AppKind.Connect]);
    }

    [Fact]
    public void Unconfirmed_wording_is_marked_with_a_note()
    {
        foreach (var id in new[] { "4", "5", "6", "7", "8", "9", "13", "14", "15" })
        {
            Catalog.Find(id).ShouldNotBeNull().Note.ShouldNotBeNull().ShouldContain("unconfirmed", Case.Insensitive, id);
        }
    }
}
