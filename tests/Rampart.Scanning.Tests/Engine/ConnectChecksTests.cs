using Rampart.Catalog;
using Rampart.Scanning.Checks.Tls;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Tls;

namespace Rampart.Scanning.Tests.Engine;

/// <summary>The Connect engine's checks and their records (src/Rampart.Catalog/checks.yaml) are the same set, each check reading its own.</summary>
public sealed class ConnectChecksTests
{
    [Fact]
    public void The_engine_implements_every_live_host_and_descriptor_check_and_no_other()
    {
        var implemented = ConnectChecks.All().Select(c => c.Info.Id).ToList();

        implemented.ShouldBeUnique();
        implemented.Order(StringComparer.Ordinal).ShouldBe(
            CheckRegistry.Embedded.All.Where(r => r.Inspects != CheckTarget.ForgeApp).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_check_carries_its_own_record()
    {
        foreach (var check in ConnectChecks.All())
        {
            check.Info.ShouldBeSameAs(CheckRegistry.Embedded.Get(check.Info.Id), check.GetType().Name);
            check.Info.AppKinds.ShouldContain(AppKind.Connect, check.Info.Id);
        }
    }

    [Fact]
    public void The_checks_that_read_only_the_descriptor_are_the_descriptor_checks()
    {
        foreach (var check in ConnectChecks.All())
        {
            var inDescriptorFolder = check.GetType().Namespace == "Rampart.Scanning.Checks.Descriptor";
            (check.Info.Inspects == CheckTarget.Descriptor).ShouldBe(inDescriptorFolder, check.Info.Id);
        }
    }

    [Fact]
    public void The_cipher_suite_check_names_the_Mozilla_profile_it_applies()
    {
        var record = new TlsCipherSuiteCheck().Info;

        record.Title.ShouldContain($"(profile {CipherSuites.MozillaProfileVersion})");
        record.Remediation.ShouldContain($"version {CipherSuites.MozillaProfileVersion}");
    }
}
