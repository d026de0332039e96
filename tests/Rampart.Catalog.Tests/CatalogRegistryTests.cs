namespace Rampart.Catalog.Tests;

public sealed class CatalogRegistryTests
{
    private static readonly CatalogRegistry Embedded = CatalogRegistry.Embedded;

    [Theory]
    [InlineData("2020-07-05", "2020")]
    [InlineData("2021-01-01", "2020")]
    [InlineData("2022-10-30", "2020")]
    [InlineData("2022-10-31", "2022")]
    [InlineData("2026-06-01", "2022")]
    [InlineData("2026-10-30", "2022")]
    [InlineData("2026-10-31", "2026")]
    [InlineData("2026-11-29", "2026")]
    [InlineData("2040-01-01", "2026")]
    public void The_newest_catalog_in_effect_judges_the_day(string day, string expected) =>
        Embedded.InEffectOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Id.ShouldBe(expected);

    [Fact]
    public void Before_the_first_effective_date_no_catalog_is_in_effect()
    {
        var error = Should.Throw<CatalogException>(() => Embedded.InEffectOn(new DateOnly(2020, 7, 4)));

        error.Message.ShouldBe("No catalog is in effect on 2020-07-04; the earliest, '2020', takes effect on 2020-07-05.");
    }

    [Fact]
    public void Find_returns_the_catalog_by_id_or_null()
    {
        Embedded.Find("2022").ShouldNotBeNull().Effective.ShouldBe(new DateOnly(2022, 10, 31));
        Embedded.Find("2023").ShouldBeNull();
    }

    [Fact]
    public void Between_publication_and_effect_the_2026_additions_are_upcoming()
    {
        var day = new DateOnly(2026, 6, 1);
        var current = Embedded.InEffectOn(day);

        var upcoming = Embedded.UpcomingOn(day, current);

        current.Id.ShouldBe("2022");
        upcoming.Select(u => u.Requirement.Id).ShouldBe(["1.5", "1.6", "2.1", "5.1", "5.2", "7.5", "8.2", "8.3", "8.4", "9.1"]);
        upcoming.ShouldAllBe(u => u.Catalog.Id == "2026" && u.Requirement.AddedOn == new DateOnly(2026, 2, 19));
    }

    [Fact]
    public void Nothing_is_upcoming_before_a_catalog_is_published() =>
        Embedded.UpcomingOn(new DateOnly(2026, 2, 18), Embedded.InEffectOn(new DateOnly(2026, 2, 18))).ShouldBeEmpty();

    [Fact]
    public void Nothing_is_upcoming_once_the_newest_catalog_is_in_effect() =>
        Embedded.UpcomingOn(new DateOnly(2026, 11, 29), Embedded.InEffectOn(new DateOnly(2026, 11, 29))).ShouldBeEmpty();

    [Fact]
    public void Upcoming_lists_only_ids_the_current_catalog_lacks()
    {
        // The 2022 table was published before it took effect; numbers 2020 already used are not announced as new.
        var day = new DateOnly(2022, 8, 1);

        var upcoming = Embedded.UpcomingOn(day, Embedded.InEffectOn(day)).Select(u => u.Requirement.Id).ToList();

        upcoming.ShouldContain("1.1");
        upcoming.ShouldContain("6.3");
        upcoming.ShouldNotContain("3");
        upcoming.ShouldNotContain("10");
    }

    [Fact]
    public void All_is_ordered_by_effective_date_whatever_the_source_order()
    {
        var registry = TestCatalogs.Load(
            ("b.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement, id: "b", published: "2025-01-01", effective: "2025-02-01")),
            ("a.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement, id: "a", published: "2024-01-01", effective: "2024-02-01")));

        registry.All.Select(c => c.Id).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Two_catalogs_with_one_id_are_rejected()
    {
        var error = Should.Throw<CatalogException>(() => TestCatalogs.Load(
            ("one.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement, id: "x")),
            ("two.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement, id: "x", published: "2025-01-01", effective: "2025-02-01"))));

        error.Message.ShouldBe("two.yaml, line 1, column 5, field 'id': catalog id 'x' is already used by one.yaml");
    }

    [Fact]
    public void Two_catalogs_taking_effect_on_one_day_are_rejected()
    {
        var error = Should.Throw<CatalogException>(() => TestCatalogs.Load(
            ("one.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement, id: "x")),
            ("two.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement, id: "y"))));

        error.Message.ShouldBe("two.yaml, line 4, column 12, field 'effective': catalog 'x' (one.yaml) already takes effect on 2024-02-01");
    }

    [Fact]
    public void Loading_nothing_is_an_error() =>
        Should.Throw<CatalogException>(() => TestCatalogs.Load());

    [Fact]
    public void A_revision_is_upcoming_only_from_the_day_it_was_added()
    {
        const string revised = """
              - id: "1"
                title: One
                category: Cat
                summary: Kept from the old catalog but revised.
                appliesTo: [connect]
                verification: manual
                severity: low
                addedOn: 2025-03-01
            """;
        var registry = TestCatalogs.Load(
            ("old.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement, id: "old")),
            ("new.yaml", TestCatalogs.Catalog(revised, id: "new", published: "2025-01-01", effective: "2025-10-31")));
        var old = registry.Find("old").ShouldNotBeNull();

        registry.UpcomingOn(new DateOnly(2025, 2, 1), old).ShouldBeEmpty();
        registry.UpcomingOn(new DateOnly(2025, 3, 1), old).ShouldHaveSingleItem().Requirement.Id.ShouldBe("1");
    }
}
