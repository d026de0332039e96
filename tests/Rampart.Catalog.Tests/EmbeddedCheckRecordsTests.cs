namespace Rampart.Catalog.Tests;

/// <summary>
/// Ties the check records (checks.yaml) and the catalogs (catalogs/*.yaml) to each other, both ways: a check claims
/// the requirement it verifies in each catalog and that requirement lists it; every check a catalog lists has a
/// record that claims that requirement. The band of each check's CVSS vector is checked in Rampart.Tracking.Tests,
/// where the scoring lives.
/// </summary>
public sealed class EmbeddedCheckRecordsTests
{
    private static readonly AppKind[] ForgeKinds = [AppKind.Forge, AppKind.ForgeEgress];

    public static TheoryData<string> CheckIds => new(CheckRegistry.Embedded.All.Select(r => r.Id));

    public static TheoryData<string> CatalogIds => EmbeddedCatalogTests.CatalogIds;

    // Which checks the engines implement is tied to the records in Rampart.Scanning.Tests and Rampart.Forge.Tests.
    [Fact]
    public void The_list_loads_with_checks_of_both_engines()
    {
        var all = CheckRegistry.Embedded.All;

        all.Select(r => r.Id).ShouldBeUnique();
        all.ShouldContain(r => r.Inspects == CheckTarget.ForgeApp);
        all.ShouldContain(r => r.Inspects == CheckTarget.LiveHost);
        all.ShouldContain(r => r.Inspects == CheckTarget.Descriptor);
    }

    [Fact]
    public void Embedded_is_loaded_once_and_shared()
    {
        var fromThreads = Enumerable.Range(0, 8).AsParallel().Select(_ => CheckRegistry.Embedded).Distinct().ToList();

        fromThreads.ShouldHaveSingleItem().ShouldBeSameAs(CheckRegistry.Embedded);
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Every_check_is_named_by_each_catalog_requirement_it_claims(string checkId)
    {
        var record = CheckRegistry.Embedded.Get(checkId);

        record.Verifies.ShouldNotBeEmpty(checkId);
        foreach (var (catalogId, requirementId) in record.Verifies)
        {
            var catalog = CatalogRegistry.Embedded.Find(catalogId).ShouldNotBeNull($"{checkId} claims requirement {requirementId} of catalog {catalogId}, which is not embedded");
            var requirement = catalog.Find(requirementId).ShouldNotBeNull($"{checkId} claims requirement {requirementId}, which catalog {catalogId} does not have");
            requirement.CheckIds.ShouldContain(checkId, $"{checkId} claims requirement {requirementId} of {catalogId}, which does not list it");
            requirement.AppliesTo.Intersect(record.AppKinds).ShouldNotBeEmpty($"{checkId} and requirement {requirementId} of {catalogId} share no app kind");
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_check_a_catalog_lists_has_a_record_claiming_that_requirement(string catalogId)
    {
        foreach (var requirement in EmbeddedCatalogTests.Catalog(catalogId).Requirements)
        {
            foreach (var checkId in requirement.CheckIds)
            {
                var record = CheckRegistry.Embedded.Find(checkId).ShouldNotBeNull($"requirement {requirement.Id} of {catalogId} lists {checkId}, which has no record");
                record.Verifies.GetValueOrDefault(catalogId).ShouldBe(requirement.Id, $"{checkId} in catalog {catalogId}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Every_automatic_requirement_has_a_check(string catalogId)
    {
        foreach (var requirement in EmbeddedCatalogTests.Catalog(catalogId).Requirements.Where(r => r.Verification == VerificationMode.Automatic))
        {
            requirement.CheckIds.Where(c => CheckRegistry.Embedded.Find(c) is not null)
                .ShouldNotBeEmpty($"requirement {requirement.Id} of {catalogId} is automatic but no check has a record");
        }
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void A_check_reports_under_its_requirement_in_the_newest_catalog_that_names_it(string checkId)
    {
        var record = CheckRegistry.Embedded.Get(checkId);
        var newest = CatalogRegistry.Embedded.All.Last(c => c.Requirements.Any(r => r.CheckIds.Contains(checkId)));

        record.RequirementId.ShouldBe(newest.Requirements.Single(r => r.CheckIds.Contains(checkId)).Id);
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void What_a_check_inspects_fits_the_app_kinds_it_verifies(string checkId)
    {
        var record = CheckRegistry.Embedded.Get(checkId);

        if (record.Inspects == CheckTarget.ForgeApp)
        {
            record.AppKinds.ShouldAllBe(k => ForgeKinds.Contains(k), checkId);
        }
        else
        {
            // The Connect engine runs the checks that verify connect apps; a live or descriptor check for no connect app would never run.
            record.AppKinds.ShouldContain(AppKind.Connect, checkId);
            record.AppKinds.ShouldNotContain(AppKind.Forge, $"{checkId}: a plain forge app has no host or descriptor of its own");
        }
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Every_record_has_text_and_well_formed_ids(string checkId)
    {
        var record = CheckRegistry.Embedded.Get(checkId);

        CheckIdFormat.IsWellFormed(record.Id).ShouldBeTrue();
        record.Title.ShouldNotBeNullOrWhiteSpace();
        record.Remediation.Length.ShouldBeGreaterThan(20, checkId);
        record.Remediation.ShouldNotContain("\n");
        record.DefaultCvssVector.ShouldStartWith("CVSS:3.1/");
        record.Cwe.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^CWE-[1-9][0-9]*\z"));
        record.Cwe.ShouldBeUnique();
    }
}
