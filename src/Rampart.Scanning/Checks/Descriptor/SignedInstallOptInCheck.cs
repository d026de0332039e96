using Rampart.Catalog;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Descriptor;

/// <summary>RMP-AUTH-004: a JWT app with install callbacks must opt into signed installs in its descriptor.</summary>
public sealed class SignedInstallOptInCheck : ICheck
{
    public const string Id = "RMP-AUTH-004";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("RMP-AUTH-004 needs a Connect descriptor.");
        var hasInstallCallbacks = descriptor.Endpoints.Any(e => e.Lifecycle is LifecycleEvent.Installed or LifecycleEvent.Uninstalled);
        CheckOutcome outcome;
        if (!descriptor.UsesJwt || !hasInstallCallbacks)
        {
            outcome = CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable,
                descriptor.UsesJwt ? "no installed/uninstalled callbacks" : $"authentication type {descriptor.AuthenticationType}");
        }
        else if (descriptor.SignedInstall)
        {
            outcome = CheckOutcome.Of(Requirement, RequirementStatus.Pass, "apiMigrations.signed-install is true");
        }
        else
        {
            var finding = context.NewFinding(Info, Requirement, "Descriptor does not opt into signed installs",
                "$.apiMigrations.signed-install",
                $"{descriptor.DescriptorUrl} declares install callbacks and authentication type jwt but apiMigrations.signed-install is not true.");
            outcome = CheckOutcome.Of(Requirement, RequirementStatus.Fail, "apiMigrations.signed-install is not true", [finding]);
        }

        return Task.FromResult(outcome);
    }
}
