using System.Net;
using Rampart.Cli.Commands;

namespace Rampart.Cli.Tests;

public sealed class DnsServerOptionTests
{
    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1", 5353)]
    [InlineData("10.0.0.2:53", "10.0.0.2", 53)]
    [InlineData("[::1]:53", "::1", 53)]
    public void Ip_and_port_parse_to_the_endpoint(string text, string address, int port) =>
        ScanSettings.ParseDnsServer(text).ShouldBe(new IPEndPoint(IPAddress.Parse(address), port));
}
