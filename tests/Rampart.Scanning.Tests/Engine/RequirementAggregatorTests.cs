using Rampart.Catalog;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Tests.Engine;

public sealed class RequirementAggregatorTests
{
    private static readonly RequirementCatalog Catalog2022 = CatalogRegistry.Embedded.Find("2022")!;
    private static readonly RequirementCatalog Catalog2020 = CatalogRegistry.Embedded.Find("2020")!;

    private static readonly IReadOnlySet<string> Available = ConnectChecks.All().Select(c => c.Info.Id).ToHashSet();

    [Fact]
    public void Fail_wins_over_error_and_pass()
    {
        var outcomes = new Dictionary<string, CheckOutcome>
        {
            ["RMP-AUTH-001"] = CheckOutcome.Of("1.1", RequirementStatus.Error, "one endpoint timed out"),
            ["RMP-AUTH-002"] = CheckOutcome.Of("1.1", RequirementStatus.Fail, "exp not checked"),
        };

        var (requirements, _) = RequirementAggregator.Aggregate(Catalog2022, AppKind.Connect, outcomes, Available);

        var authentication = requirements.Single(r => r.Id == "1.1");
        authentication.Status.ShouldBe(RequirementStatus.Fail);
        authentication.Reason.ShouldBe("exp not checked");
    }

    [Fact]
    public void Error_is_never_hidden_by_a_pass()
    {
        var outcomes = new Dictionary<string, CheckOutcome>
        {
            ["RMP-AUTH-001"] = CheckOutcome.Of("1.1", RequirementStatus.Error, "429 on /busy"),
            ["RMP-AUTH-002"] = CheckOutcome.Of("1.1", RequirementStatus.Pass, "ok"),
        };

        RequirementAggregator.Aggregate(Catalog2022, AppKind.Connect, outcomes, Available).Requirements
            .Single(r => r.Id == "1.1").Status.ShouldBe(RequirementStatus.Error);
    }

    [Fact]
    public void A_requirement_without_an_available_check_is_manual_with_the_reason()
    {
        // As in a build that lacks the HSTS and TLS checks.
        var available = Available.Except(["RMP-HSTS-001", "RMP-TLS-001"]).ToHashSet();
        var (requirements, _) = RequirementAggregator.Aggregate(Catalog2022, AppKind.Connect, new Dictionary<string, CheckOutcome>(), available);

        var tls = requirements.Single(r => r.Id == "3");
        tls.Status.ShouldBe(RequirementStatus.Manual);
        tls.Reason.ShouldNotBeNull().ShouldContain("RMP-HSTS-001");
    }

    [Fact]
    public void A_pass_from_some_checks_of_a_requirement_is_only_partial()
    {
        var outcomes = new Dictionary<string, CheckOutcome> { ["RMP-SECRET-001"] = CheckOutcome.Of("5", RequirementStatus.Pass, "no secrets") };
        var available = Available.Except(["RMP-CONTENT-001"]).ToHashSet();

        var secrets = RequirementAggregator.Aggregate(Catalog2022, AppKind.Connect, outcomes, available).Requirements.Single(r => r.Id == "5");

        secrets.Status.ShouldBe(RequirementStatus.Manual);
        secrets.Reason.ShouldNotBeNull().ShouldContain("partly verified");
        secrets.Reason.ShouldContain("RMP-CONTENT-001");
        secrets.Reason.ShouldNotContain("RMP-FORGE-003");
    }

    // What a missing check inspects decides whether it could have verified this kind of app (its record, not its id).
    [Theory]
    [InlineData(AppKind.Forge, RequirementStatus.Pass)]
    [InlineData(AppKind.ForgeEgress, RequirementStatus.Manual)]
    public void A_forge_pass_is_partial_only_where_the_live_and_descriptor_checks_could_apply(AppKind kind, RequirementStatus expected)
    {
        var forgeChecks = CheckRegistry.Embedded.All.Where(r => r.Inspects == CheckTarget.ForgeApp).Select(r => r.Id).ToHashSet();
        var outcomes = new Dictionary<string, CheckOutcome> { ["RMP-FORGE-003"] = CheckOutcome.Of("5", RequirementStatus.Pass, "no secrets in code") };

        var secrets = RequirementAggregator.Aggregate(CatalogRegistry.Embedded.Find("2026")!, kind, outcomes, forgeChecks).Requirements.Single(r => r.Id == "5");

        secrets.Status.ShouldBe(expected);
        if (expected == RequirementStatus.Manual)
        {
            secrets.Reason.ShouldNotBeNull().ShouldContain("partly verified");
            secrets.Reason.ShouldContain("RMP-SECRET-001, RMP-CONTENT-001 not available");
        }
    }

    [Fact]
    public void A_check_without_a_record_may_apply_so_a_pass_beside_it_is_partial()
    {
        var catalog = CatalogRegistry.Load([("test.yaml", new StringReader("""
            id: "t"
            title: Test
            published: 2024-01-01
            effective: 2024-02-01
            source: https://example.test/
            requirements:
              - id: "1"
                title: One
                category: Cat
                summary: s
                appliesTo: [forge]
                verification: automatic
                checks: [RMP-FORGE-003, RMP-FUTURE-001]
                severity: high
            """))]).All.Single();
        var outcomes = new Dictionary<string, CheckOutcome> { ["RMP-FORGE-003"] = CheckOutcome.Of("1", RequirementStatus.Pass, "ok") };

        var requirement = RequirementAggregator.Aggregate(catalog, AppKind.Forge, outcomes, new HashSet<string> { "RMP-FORGE-003" }).Requirements.Single();

        requirement.Status.ShouldBe(RequirementStatus.Manual);
        requirement.Reason.ShouldNotBeNull().ShouldContain("RMP-FUTURE-001 not available");
    }

    [Fact]
    public void Requirements_for_other_kinds_are_not_applicable_and_manual_ones_stay_manual()
    {
        var (requirements, _) = RequirementAggregator.Aggregate(CatalogRegistry.Embedded.Find("2026")!, AppKind.Connect, new Dictionary<string, CheckOutcome>(), Available);

        requirements.Single(r => r.Id == "8.4").Status.ShouldBe(RequirementStatus.NotApplicable);
        requirements.Single(r => r.Id == "11").Status.ShouldBe(RequirementStatus.Manual);
    }

    [Fact]
    public void Findings_take_the_number_of_the_catalog_in_use()
    {
        var finding = new Finding("RMP-AUTH-001", "1.1", Severity.High, "t", "https://x/", "e", "fp");
        var outcomes = new Dictionary<string, CheckOutcome>
        {
            ["RMP-AUTH-001"] = new([new RequirementVerdict("1.1", RequirementStatus.Fail, "open")], [finding], []),
        };

        var (requirements, findings) = RequirementAggregator.Aggregate(Catalog2020, AppKind.Connect, outcomes, Available);

        var owner = Catalog2020.Requirements.Single(r => r.CheckIds.Contains("RMP-AUTH-001"));
        findings.Single().RequirementId.ShouldBe(owner.Id);
        requirements.Single(r => r.Id == owner.Id).Status.ShouldBe(RequirementStatus.Fail);
    }
}
