namespace Rampart.Catalog.Tests;

public sealed class Catalog2022Tests
{
    private const AppKind C = AppKind.Connect;
    private const AppKind F = AppKind.Forge;
    private const AppKind E = AppKind.ForgeEgress;
    private const AppKind P = AppKind.PowerUp;

    private static readonly RequirementCatalog Catalog = EmbeddedCatalogTests.Catalog("2022");

    public static TheoryData<string, AppKind[], string[]> KeyRequirements => new()
    {
        { "1.1", [C, F, E, P], ["RMP-AUTH-001", "RMP-AUTH-002", "RMP-FORGE-002"] },
        { "1.2", [C, F, E, P], ["RMP-AUTHZ-001", "RMP-FORGE-001"] },
        { "1.4", [C], ["RMP-AUTH-003", "RMP-AUTH-004"] },
        { "3", [C, E, P], ["RMP-TLS-001", "RMP-HSTS-001", "RMP-FORGE-006"] },
        { "6.2", [C, E, P], ["RMP-CERT-001"] },
        { "6.3", [C, E, P], ["RMP-DNS-002"] },
        { "7.2", [C, E, P], ["RMP-HDR-001"] },
        { "7.3", [C, E, P], ["RMP-HDR-002"] },
        { "7.4", [C, E, P], ["RMP-HDR-003"] },
    };

    // Every check of the brief and the one requirement of this catalog it verifies.
    public static TheoryData<string, string> CheckToRequirement => new()
    {
        { "RMP-AUTH-001", "1.1" }, { "RMP-AUTH-002", "1.1" }, { "RMP-AUTH-003", "1.4" }, { "RMP-AUTH-004", "1.4" },
        { "RMP-AUTHZ-001", "1.2" }, { "RMP-HDR-001", "7.2" }, { "RMP-HDR-002", "7.3" }, { "RMP-HDR-003", "7.4" },
        { "RMP-SECRET-001", "5" }, { "RMP-SCOPE-001", "4" }, { "RMP-TLS-001", "3" }, { "RMP-TLS-002", "G3.1" },
        { "RMP-HSTS-001", "3" }, { "RMP-CERT-001", "6.2" }, { "RMP-DNS-001", "6.1" }, { "RMP-DNS-002", "6.3" },
        { "RMP-CONTENT-001", "5" }, { "RMP-CONTENT-002", "10" },
        { "RMP-FORGE-001", "1.2" }, { "RMP-FORGE-002", "1.1" }, { "RMP-FORGE-003", "5" }, { "RMP-FORGE-004", "10" },
        { "RMP-FORGE-005", "4" }, { "RMP-FORGE-006", "3" }, { "RMP-FORGE-010", "8" }, { "RMP-FORGE-012", "2" },
    };

    [Fact]
    public void Is_the_table_in_force_from_the_end_of_October_2022()
    {
        Catalog.Published.ShouldBe(new DateOnly(2022, 7, 25));
        Catalog.Effective.ShouldBe(new DateOnly(2022, 10, 31));
    }

    [Fact]
    public void Has_rows_one_to_eleven_with_the_CSRT_sub_numbers_and_no_invented_ones()
    {
        Catalog.Requirements.Where(r => !r.IsGuideline).Select(r => r.Id).ShouldBe(
            ["1.1", "1.2", "1.4", "2", "3", "4", "5", "6.1", "6.2", "6.3", "7.2", "7.3", "7.4", "8", "9", "10", "11"]);
        Catalog.Find("1.3").ShouldBeNull();
        Catalog.Find("7.1").ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(KeyRequirements))]
    public void Key_requirements_apply_to_the_right_kinds_with_the_right_checks(string id, AppKind[] kinds, string[] checks)
    {
        var requirement = Catalog.Find(id).ShouldNotBeNull();

        requirement.AppliesTo.ShouldBe(kinds, ignoreOrder: true);
        requirement.CheckIds.ShouldBe(checks, ignoreOrder: true);
        requirement.Verification.ShouldBe(VerificationMode.Automatic);
        requirement.IsGuideline.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(CheckToRequirement))]
    public void Each_check_verifies_exactly_one_requirement(string checkId, string requirementId) =>
        Catalog.Requirements.Where(r => r.CheckIds.Contains(checkId)).Select(r => r.Id).ShouldBe([requirementId]);

    [Fact]
    public void Lists_no_check_beyond_the_known_ones()
    {
        var known = CheckToRequirement.Select(row => (string)row[0]).ToHashSet();

        Catalog.Requirements.SelectMany(r => r.CheckIds).ShouldAllBe(c => known.Contains(c));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("8")]
    [InlineData("9")]
    [InlineData("11")]
    public void Requirements_that_need_attestation_are_manual(string id) =>
        Catalog.Find(id).ShouldNotBeNull().Verification.ShouldBe(VerificationMode.Manual);

    [Fact]
    public void Mozilla_cipher_suites_are_a_guideline_not_a_requirement()
    {
        var guideline = Catalog.Find("G3.1").ShouldNotBeNull();

        guideline.IsGuideline.ShouldBeTrue();
        guideline.CheckIds.ShouldBe(["RMP-TLS-002"]);
        Catalog.Requirements.Where(r => r.IsGuideline).ShouldHaveSingleItem();
    }

    [Fact]
    public void Platform_provided_defences_do_not_apply_to_plain_forge_apps()
    {
        foreach (var id in new[] { "2", "3", "6.1", "6.2", "6.3", "7.2", "7.3", "7.4" })
        {
            Catalog.Find(id).ShouldNotBeNull().AppliesToKind(AppKind.Forge).ShouldBeFalse(id);
        }
    }

    [Fact]
    public void Nothing_in_2022_is_marked_as_a_later_addition() =>
        Catalog.Requirements.ShouldAllBe(r => r.AddedOn == null);
}
