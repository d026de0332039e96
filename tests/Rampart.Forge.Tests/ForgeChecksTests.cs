using Rampart.Catalog;
using Rampart.Forge.Checks;

namespace Rampart.Forge.Tests;

/// <summary>The Forge checks and their records (src/Rampart.Catalog/checks.yaml) are the same set, each check being its record.</summary>
public sealed class ForgeChecksTests
{
    [Fact]
    public void The_analysis_implements_every_forge_app_check_and_no_other()
    {
        var implemented = ForgeChecks.All.Select(c => c.Id).ToList();

        implemented.ShouldBeUnique();
        implemented.Order(StringComparer.Ordinal).ShouldBe(
            CheckRegistry.Embedded.All.Where(r => r.Inspects == CheckTarget.ForgeApp).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_check_is_its_record_from_the_registry()
    {
        foreach (var check in ForgeChecks.All)
        {
            check.ShouldBeSameAs(CheckRegistry.Embedded.Get(check.Id));
            check.AppKinds.ShouldBe([AppKind.Forge, AppKind.ForgeEgress], ignoreOrder: true, check.Id);
        }
    }
}
