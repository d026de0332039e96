using System.Net;
using System.Net.Sockets;

namespace Rampart.Cli.Tests;

/// <summary>The documented exit codes, from the real command line.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task A_clean_app_exits_0()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");

        var result = await CliRunner.RunAsync(target.ScanArgs());

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("secure-app");
        result.Out.ShouldContain("pass");
    }

    [Fact]
    public async Task A_failed_requirement_exits_1()
    {
        await using var target = await DemoTarget.StartAsync("leaky-app");

        var result = await CliRunner.RunAsync(target.ScanArgs());

        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain("RMP-AUTH-001");
        result.Out.ShouldContain("FAIL");
    }

    [Theory]
    [InlineData("scan", "not-a-url")]
    [InlineData("scan", "ftp://example.com/atlassian-connect.json")]
    [InlineData("scan", "https://example.com/a.json", "--format", "pdf")]
    [InlineData("scan", "https://example.com/a.json", "--timeout", "0")]
    [InlineData("scan", "https://example.com/a.json", "--shared-secret", "s3cret")]
    [InlineData("scan", "https://example.com/a.json", "-o", "a.json")]
    [InlineData("scan", "https://example.com/a.json", "-f", "json", "-f", "sarif")]
    [InlineData("scan", "https://example.com/a.json", "--no-such-option")]
    [InlineData("catalog", "--id", "1999")]
    [InlineData("demo", "--app", "no-such-app")]
    public async Task Bad_input_exits_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        (result.Out + result.Error).ShouldNotContain("   at ");
        (result.Out + result.Error).Trim().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Unknown_format_names_the_valid_ones()
    {
        var result = await CliRunner.RunAsync("scan", "https://example.com/a.json", "--format", "pdf");

        result.Error.ShouldContain("sarif");
        result.Error.ShouldContain("'pdf'");
    }

    [Fact]
    public async Task A_loopback_target_is_refused_without_permission()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");

        var result = await CliRunner.RunAsync("scan", target.App.DescriptorUrl.ToString(), "-q");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--allow-private-network");
    }

    [Fact]
    public async Task An_unreachable_target_exits_3()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CliRunner.RunAsync("scan", $"https://127.0.0.1:{port}/atlassian-connect.json", "--allow-private-network", "-q");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("target unreachable");
    }

    [Fact]
    public async Task An_untrusted_certificate_exits_3_naming_the_reason()
    {
        await using var target = await DemoTarget.StartAsync("secure-app");

        var result = await CliRunner.RunAsync("scan", target.App.DescriptorUrl.ToString(), "--allow-private-network", "-q");

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("not trusted");
    }

    [Fact]
    public async Task A_missing_trust_ca_file_is_bad_input()
    {
        var result = await CliRunner.RunAsync("scan", "https://example.com/atlassian-connect.json", "--trust-ca", "/no/such/ca.pem", "-q");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("/no/such/ca.pem");
    }

    [Theory]
    [InlineData("dns.example.com:53")]
    [InlineData("10.0.0.2")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("10.0.0.2:0")]
    [InlineData("10.0.0.2:70000")]
    public async Task A_dns_server_that_is_not_ip_and_port_is_bad_input(string value)
    {
        var result = await CliRunner.RunAsync("scan", "https://example.com/atlassian-connect.json", "--dns-server", value, "-q");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--dns-server");
        result.Error.ShouldContain("IP:PORT");
    }
}
