using System.Net;
using System.Net.Sockets;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Tls;

/// <summary>
/// Assesses a host's TLS configuration with hand-written ClientHellos: which protocol versions it accepts, which
/// suites per version (by elimination), whether it imposes its own order and which key-exchange groups it takes.
/// No handshake is ever completed, so no TLS library's own version or suite limits hide what the server accepts.
/// </summary>
/// <param name="resolve">The scan's resolver (<c>--dns-server</c>); null means the system's.</param>
public sealed class TlsProber(AddressPolicy policy, TlsProberOptions options, TimeProvider time,
    Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private static readonly IReadOnlyList<ushort> AllGroups = NamedGroups.All.Select(g => g.Code).ToList();

    public async Task<TlsAssessment> AssessAsync(Uri origin, CancellationToken cancellationToken)
    {
        var host = origin.IdnHost;
        var port = origin.IsDefaultPort ? 443 : origin.Port;
        IPAddress address;
        try
        {
            address = await ResolveAsync(host, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or BlockedAddressException)
        {
            return new TlsAssessment(origin, null, e.Message, [], 0);
        }

        // SNI carries names only; an IP-literal origin sends none (RFC 6066 section 3).
        var serverName = IPAddress.TryParse(host.Trim('[', ']'), out _) ? null : host;
        using var session = new ProbeSession(new IPEndPoint(address, port), serverName, options, time);
        var versions = await Task.WhenAll(TlsVersionWire.All.Select(v => AssessVersionAsync(session, v, cancellationToken)));
        return new TlsAssessment(origin, address.ToString(), null, versions, session.Sent);
    }

    /// <summary>DNS is resolved once; every probe connects to the address that passed the policy.</summary>
    private async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken) =>
        (await policy.AllowedAddressesAsync(host, resolve, cancellationToken))[0];

    private static async Task<VersionAssessment> AssessVersionAsync(ProbeSession session, TlsVersion version, CancellationToken cancellationToken)
    {
        var offer = version == TlsVersion.Tls13 ? CipherSuites.Tls13 : CipherSuites.Legacy;
        var first = await session.HelloAsync(version, Codes(offer), AllGroups, false, cancellationToken);
        if (first.Status != ProbeStatus.Accepted || version == TlsVersion.Ssl2)
        {
            return new VersionAssessment(version, first.Status, first.Detail, [], null, [], null);
        }

        string? enumerationError = null;
        var suites = await EliminateAsync(first.Suite, offer.Select(s => s.Code).ToList(),
            remaining => session.HelloAsync(version, remaining, AllGroups, false, cancellationToken), r => r.Suite?.Code,
            e => enumerationError ??= e);
        var preference = await ServerPreferenceAsync(session, version, suites, cancellationToken);

        var groupSuites = version == TlsVersion.Tls13
            ? Codes(CipherSuites.Tls13)
            : suites.Where(s => s >= 0xC000 && CipherSuites.Find(s).Name.StartsWith("TLS_ECDHE_", StringComparison.Ordinal)).ToList();
        var groups = new List<ushort>();
        if (groupSuites.Count > 0)
        {
            var ecGroups = version == TlsVersion.Tls13 ? AllGroups : AllGroups.Where(g => g < 0x0100).ToList();
            groups = await EliminateAsync(null, ecGroups.ToList(),
                remaining => session.HelloAsync(version, groupSuites, remaining, true, cancellationToken), r => r.Group,
                e => enumerationError ??= e);
        }

        return new VersionAssessment(version, ProbeStatus.Accepted, first.Detail, suites.Select(CipherSuites.Find).ToList(),
            preference, groups.Select(NamedGroups.Name).ToList(), enumerationError);
    }

    /// <summary>Offers everything, removes what the server chose, repeats until it refuses: what it chose is what it accepts.</summary>
    private static async Task<List<ushort>> EliminateAsync(CipherSuite? known, List<ushort> remaining,
        Func<IReadOnlyList<ushort>, Task<HelloResult>> probe, Func<HelloResult, ushort?> chosen, Action<string> error)
    {
        var accepted = new List<ushort>();
        if (known is not null)
        {
            accepted.Add(known.Code);
            remaining.Remove(known.Code);
        }

        while (remaining.Count > 0)
        {
            var result = await probe(remaining);
            if (result.Status == ProbeStatus.Rejected)
            {
                break;
            }

            if (result.Status == ProbeStatus.Error)
            {
                error(result.Detail);
                break;
            }

            var pick = chosen(result);
            if (pick is null || !remaining.Remove(pick.Value))
            {
                // A server that chooses something not offered would loop forever; stop and say so.
                error(pick is null ? "reply names no choice" : $"server chose 0x{pick:X4}, which was not offered");
                break;
            }

            accepted.Add(pick.Value);
        }

        return accepted;
    }

    /// <summary>The same accepted suites in opposite orders: a server that picks the same one both times uses its own order.</summary>
    private static async Task<bool?> ServerPreferenceAsync(ProbeSession session, TlsVersion version, List<ushort> suites,
        CancellationToken cancellationToken)
    {
        if (suites.Count < 2)
        {
            return null;
        }

        var forward = await session.HelloAsync(version, suites, AllGroups, false, cancellationToken);
        var reversed = await session.HelloAsync(version, Enumerable.Reverse(suites).ToList(), AllGroups, false, cancellationToken);
        if (forward.Suite is null || reversed.Suite is null)
        {
            return null;
        }

        return forward.Suite.Code == reversed.Suite.Code;
    }

    private static List<ushort> Codes(IEnumerable<CipherSuite> suites) => suites.Select(s => s.Code).ToList();
}
