namespace Rampart.Catalog.Tests;

public sealed class Catalog2026Tests
{
    private static readonly DateOnly RevisionDay = new(2026, 2, 19);
    private static readonly RequirementCatalog Catalog = EmbeddedCatalogTests.Catalog("2026");
    private static readonly RequirementCatalog Previous = EmbeddedCatalogTests.Catalog("2022");

    // The additions of the February 2026 revision and the check that verifies each (null: manual only).
    public static TheoryData<string, string?> Additions => new()
    {
        { "1.5", null },              // Rovo agents doing admin actions check permissions
        { "1.6", "RMP-FORGE-013" },   // truthful actionVerb
        { "2.1", null },              // strict tenant isolation
        { "5.1", null },              // OAuth2 through Forge providers
        { "5.2", null },              // logs exclude PII and credentials
        { "7.5", "RMP-FORGE-007" },   // CSP without unsafe-inline / unsafe-eval
        { "8.2", null },              // Rovo action inputs are untrusted
        { "8.3", "RMP-FORGE-008" },   // no child processes
        { "8.4", "RMP-FORGE-009" },   // parameterised Forge SQL
        { "9.1", "RMP-FORGE-011" },   // no end-of-life runtimes
    };

    [Fact]
    public void Is_published_in_February_and_effective_at_the_end_of_October()
    {
        Catalog.Published.ShouldBe(RevisionDay);
        Catalog.Effective.ShouldBe(new DateOnly(2026, 10, 31));
    }

    [Fact]
    public void Keeps_every_2022_requirement_unchanged()
    {
        foreach (var old in Previous.Requirements)
        {
            var carried = Catalog.Find(old.Id).ShouldNotBeNull(old.Id);
            carried.Title.ShouldBe(old.Title);
            carried.AppliesTo.ShouldBe(old.AppliesTo);
            carried.CheckIds.ShouldBe(old.CheckIds);
            carried.Verification.ShouldBe(old.Verification);
            carried.AddedOn.ShouldBeNull(old.Id);
        }
    }

    [Fact]
    public void Adds_exactly_the_ten_revision_items_and_marks_each_with_the_revision_day()
    {
        var added = Catalog.Requirements.Where(r => Previous.Find(r.Id) is null).ToList();

        added.Select(r => r.Id).ShouldBe(Additions.Select(row => (string)row[0]!));
        added.ShouldAllBe(r => r.AddedOn == RevisionDay);
    }

    [Theory]
    [MemberData(nameof(Additions))]
    public void Each_addition_has_its_kinds_its_check_and_a_numbering_note(string id, string? checkId)
    {
        var requirement = Catalog.Find(id).ShouldNotBeNull();

        // Tenant isolation and clean logs are the vendor's job for every kind; the rest are Forge obligations.
        AppKind[] kinds = id is "2.1" or "5.2"
            ? [AppKind.Connect, AppKind.Forge, AppKind.ForgeEgress, AppKind.PowerUp]
            : [AppKind.Forge, AppKind.ForgeEgress];
        requirement.AppliesTo.ShouldBe(kinds, ignoreOrder: true);
        requirement.IsGuideline.ShouldBeFalse();
        requirement.Note.ShouldNotBeNull().ShouldContain("unconfirmed");
        if (checkId is null)
        {
            requirement.CheckIds.ShouldBeEmpty();
            requirement.Verification.ShouldBe(VerificationMode.Manual);
        }
        else
        {
            requirement.CheckIds.ShouldBe([checkId]);
            requirement.Verification.ShouldBe(VerificationMode.Automatic);
        }
    }
}
