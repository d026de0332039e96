namespace Rampart.Scanning.Tls;

/// <summary>The reply to one ClientHello.</summary>
/// <param name="Group">The key-exchange group the server chose, when the reply carried one.</param>
public sealed record HelloResult(ProbeStatus Status, string Detail, CipherSuite? Suite = null, ushort? Group = null)
{
    public static HelloResult Rejected(string detail) => new(ProbeStatus.Rejected, detail);

    public static HelloResult Error(string detail) => new(ProbeStatus.Error, detail);
}
