namespace Rampart.Catalog.Tests;

/// <summary>Invariants every shipped catalog must keep; a failure here is a data bug in catalogs/*.yaml.</summary>
public sealed class EmbeddedCatalogTests
{
    public static TheoryData<string> CatalogIds => new() { "2020", "2022", "2026" };

    [Fact]
    public void The_three_catalogs_load_in_order_of_effective_date()
    {
        CatalogRegistry.Embedded.All.Select(c => c.Id).ShouldBe(["2020", "2022", "2026"]);
        CatalogRegistry.Embedded.All.Select(c => c.Effective).ShouldBeInOrder();
    }

    [Fact]
    public void Embedded_is_loaded_once_and_shared()
    {
        var fromThreads = Enumerable.Range(0, 8).AsParallel().Select(_ => CatalogRegistry.Embedded).Distinct().ToList();

        fromThreads.ShouldHaveSingleItem().ShouldBeSameAs(CatalogRegistry.Embedded);
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Catalog_header_is_complete(string id)
    {
        var catalog = Catalog(id);

        catalog.Title.ShouldNotBeNullOrWhiteSpace();
        catalog.Source.ShouldContain("https://");
        catalog.Effective.ShouldBeGreaterThanOrEqualTo(catalog.Published);
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_automatic_requirement_lists_at_least_one_check(string id)
    {
        foreach (var requirement in Catalog(id).Requirements.Where(r => r.Verification == VerificationMode.Automatic))
        {
            requirement.CheckIds.ShouldNotBeEmpty($"requirement {requirement.Id} of {id}");
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_check_id_is_well_formed(string id)
    {
        foreach (var checkId in Catalog(id).Requirements.SelectMany(r => r.CheckIds))
        {
            CheckIdFormat.IsWellFormed(checkId).ShouldBeTrue(checkId);
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_requirement_has_text_and_at_least_one_kind(string id)
    {
        foreach (var requirement in Catalog(id).Requirements)
        {
            requirement.Title.ShouldNotBeNullOrWhiteSpace();
            requirement.Category.ShouldNotBeNullOrWhiteSpace();
            requirement.Summary.ShouldNotBeNullOrWhiteSpace();
            requirement.Summary.ShouldNotContain("\n");
            requirement.AppliesTo.ShouldNotBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Forge_static_checks_sit_only_on_requirements_for_forge_apps(string id)
    {
        // A Forge check listed on a requirement that applies to no Forge kind could never run.
        foreach (var requirement in Catalog(id).Requirements.Where(r => r.CheckIds.Any(c => Inspects(c) == CheckTarget.ForgeApp)))
        {
            (requirement.AppliesToKind(AppKind.Forge) || requirement.AppliesToKind(AppKind.ForgeEgress))
                .ShouldBeTrue($"requirement {requirement.Id} of {id}");
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Live_checks_sit_only_on_requirements_for_apps_with_their_own_host(string id)
    {
        foreach (var requirement in Catalog(id).Requirements.Where(r => r.CheckIds.Any(c => Inspects(c) != CheckTarget.ForgeApp)))
        {
            requirement.AppliesTo.ShouldContain(AppKind.Connect, $"requirement {requirement.Id} of {id}");
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Guidelines_and_only_guidelines_carry_the_G_prefix(string id)
    {
        foreach (var requirement in Catalog(id).Requirements)
        {
            requirement.IsGuideline.ShouldBe(requirement.Id.StartsWith('G'), requirement.Id);
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_catalog_renders_as_text(string id)
    {
        var catalog = Catalog(id);

        var text = RequirementCatalogText.Render(catalog);

        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3 + catalog.Requirements.Count);
    }

    private static CheckTarget Inspects(string checkId) => CheckRegistry.Embedded.Get(checkId).Inspects;

    internal static RequirementCatalog Catalog(string id) =>
        CatalogRegistry.Embedded.Find(id) ?? throw new InvalidOperationException($"catalog {id} is not embedded");
}
