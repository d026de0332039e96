using System.Net;
using System.Net.Sockets;

namespace Rampart.Scanning.Http;

/// <summary>
/// Decides which addresses a scan may connect to. A descriptor is attacker-controlled: without this a vendor (or
/// anyone who can edit a descriptor) could make Rampart probe the scanning host's own network.
/// </summary>
public sealed class AddressPolicy(bool allowPrivateNetwork)
{
    // Special-purpose ranges from the IANA registries (RFC 6890 and successors) that are never "the internet".
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    // Cloud metadata services hand out credentials; no scan has a reason to reach them, even on a private network.
    // 168.63.129.16 is in a public range, so only this list stops it.
    private static readonly IPAddress[] Metadata =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, GCP, Azure IMDS, OpenStack, Oracle, DigitalOcean, Hetzner
        IPAddress.Parse("169.254.170.2"), // AWS ECS task credentials
        IPAddress.Parse("fd00:ec2::254"), // AWS IMDS over IPv6
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("168.63.129.16"), // Azure WireServer (agent configuration, certificates)
        IPAddress.Parse("169.254.0.23"), // Tencent Cloud
        IPAddress.Parse("192.0.0.192"), // Oracle Cloud (legacy)
    ];

    public bool AllowPrivateNetwork { get; } = allowPrivateNetwork;

    public bool IsAllowed(IPAddress address) => Explain(address) is null;

    /// <summary>
    /// Resolves <paramref name="host"/> once (an IP literal as itself) and keeps the addresses the policy allows, in
    /// DNS order. Callers connect to these addresses, never to the name, so a later DNS answer cannot redirect them.
    /// </summary>
    /// <param name="resolve">The resolver to use; null means the system's.</param>
    /// <exception cref="BlockedAddressException">Every address the host resolves to is refused.</exception>
    public async Task<IReadOnlyList<IPAddress>> AllowedAddressesAsync(string host,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await (resolve ?? System.Net.Dns.GetHostAddressesAsync)(host, cancellationToken);
        var allowed = addresses.Where(IsAllowed).ToList();
        if (allowed.Count == 0)
        {
            var reasons = addresses.Select(Explain).Where(r => r is not null).Distinct();
            throw new BlockedAddressException($"{host} resolves only to refused addresses: {string.Join("; ", reasons)}");
        }

        return allowed;
    }

    /// <summary>Why an address is refused, or null when it is allowed.</summary>
    public string? Explain(IPAddress address)
    {
        var normalised = Normalise(address);
        if (Metadata.Contains(normalised))
        {
            return $"{normalised} is a cloud metadata address";
        }

        if (AllowPrivateNetwork)
        {
            return null;
        }

        foreach (var network in NonPublic)
        {
            if (network.BaseAddress.AddressFamily == normalised.AddressFamily && network.Contains(normalised))
            {
                return $"{normalised} is in the non-public range {network} (use --allow-private-network to scan it)";
            }
        }

        return null;
    }

    /// <summary>IPv4 addresses hidden in IPv6 forms (mapped, NAT64) are judged as the IPv4 address they carry.</summary>
    private static IPAddress Normalise(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            // 64:ff9b::/96 is the well-known NAT64 prefix: the last four bytes are the real destination.
            if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].All(b => b == 0))
            {
                return new IPAddress(bytes[12..16]);
            }
        }

        return address;
    }

    /// <summary>
    /// A socket connected to the first of <paramref name="addresses"/> (already allowed by the policy) that accepts, in
    /// DNS order; the last connect error when none does.
    /// </summary>
    public static async Task<Socket> ConnectFirstAsync(IReadOnlyList<IPAddress> addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return socket;
            }
            catch (SocketException e)
            {
                last = e;
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostUnreachable);
    }
}
