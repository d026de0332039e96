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
