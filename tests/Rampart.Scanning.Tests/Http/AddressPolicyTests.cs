using System.Net;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Tests.Http;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("224.0.0.1")]
    public void Refuses_non_public_addresses_by_default(string address)
    {
        var policy = new AddressPolicy(allowPrivateNetwork: false);

        policy.IsAllowed(IPAddress.Parse(address)).ShouldBeFalse();
        policy.Explain(IPAddress.Parse(address)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("64:ff9b::808:808")]
    public void Allows_public_addresses(string address) =>
        new AddressPolicy(allowPrivateNetwork: false).IsAllowed(IPAddress.Parse(address)).ShouldBeTrue();

    [Fact]
    public void Allowing_the_private_network_still_refuses_cloud_metadata()
    {
        var policy = new AddressPolicy(allowPrivateNetwork: true);

        policy.IsAllowed(IPAddress.Loopback).ShouldBeTrue();
        policy.IsAllowed(IPAddress.Parse("10.0.0.1")).ShouldBeTrue();
        policy.IsAllowed(IPAddress.Parse("169.254.169.254")).ShouldBeFalse();
        policy.IsAllowed(IPAddress.Parse("::ffff:169.254.169.254")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("100.100.100.200")]
    [InlineData("168.63.129.16")]
    [InlineData("169.254.0.23")]
    [InlineData("::ffff:168.63.129.16")]
    public void Other_clouds_metadata_services_are_refused_whatever_the_network_setting(string address)
    {
        foreach (var allowPrivate in new[] { false, true })
        {
            new AddressPolicy(allowPrivate).Explain(IPAddress.Parse(address)).ShouldNotBeNull().ShouldContain("cloud metadata address");
        }
    }

    [Fact]
    public void The_refusal_names_the_range_and_the_way_out()
    {
        var reason = new AddressPolicy(false).Explain(IPAddress.Parse("192.168.0.10"));

        reason.ShouldNotBeNull();
        reason.ShouldContain("192.168.0.0/16");
        reason.ShouldContain("--allow-private-network");
    }
}
