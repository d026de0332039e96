namespace Rampart.DemoApps.Tests.Support;

/// <summary>One demo CA per test class: generating RSA keys is the slow part of starting an app.</summary>
public sealed class CertificateAuthorityFixture : IDisposable
{
    public DemoCertificateAuthority Ca { get; } = DemoCertificateAuthority.Create(TimeProvider.System);

    public void Dispose() => Ca.Dispose();
}
