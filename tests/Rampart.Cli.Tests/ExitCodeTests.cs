using System.Net;
using System.Net.Sockets;
using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Engine;
using Rampart.ScanReports;

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

    [Fact]
    public async Task Requirements_that_could_not_be_verified_exit_4_and_the_progress_says_error()
    {
        await using var app = await SilentApp.StartAsync();

        // Not -q: the progress lines are part of what is checked.
        var result = await CliRunner.RunAsync("scan", app.DescriptorUrl, "--allow-private-network", "--timeout", "0.5", "-f", "json");

        result.ExitCode.ShouldBe(4, result.Error);
        var report = ScanReportJson.Deserialize(result.StandardOutput);
        report.HasFailures.ShouldBeFalse();
        var unverified = report.Requirements.Single(r => r.Id == "1.1");
        unverified.Status.ShouldBe(RequirementStatus.Error);
        unverified.Reason.ShouldNotBeNull().ShouldContain("within 0.5 s");
        result.Error.ShouldContain("[ERROR] RMP-AUTH-001");
        result.Error.ShouldNotContain("[done] RMP-AUTH-001");
    }

    [Fact]
    public async Task Allow_incomplete_makes_an_unverified_scan_exit_0()
    {
        await using var app = await SilentApp.StartAsync();

        var result = await CliRunner.RunAsync("scan", app.DescriptorUrl, "--allow-private-network", "--timeout", "0.5", "-q", "--allow-incomplete");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("ERROR");
    }

    [Fact]
    public async Task A_failed_requirement_wins_over_an_unverified_one()
    {
        await using var app = await SilentApp.StartAsync(unsignedInstall: true);

        var result = await CliRunner.RunAsync("scan", app.DescriptorUrl, "--allow-private-network", "--timeout", "0.5", "-q", "-f", "json");

        result.ExitCode.ShouldBe(1, result.Error);
        var report = ScanReportJson.Deserialize(result.StandardOutput);
        report.Requirements.Single(r => r.Id == "1.4").Status.ShouldBe(RequirementStatus.Fail);
        report.Requirements.Single(r => r.Id == "1.1").Status.ShouldBe(RequirementStatus.Error);
    }

    [Theory]
    [InlineData("--timeout", "0.2")]
    [InlineData("--max-time", "1")]
    public async Task A_time_limit_is_an_incomplete_scan_never_an_interrupt(string option, string seconds)
    {
        await using var app = await SilentApp.StartAsync();

        var result = await CliRunner.RunAsync("scan", app.DescriptorUrl, "--allow-private-network", option, seconds, "-q");

        result.ExitCode.ShouldBe(4, result.Out + result.Error);
        result.Error.ShouldNotContain("cancelled");
    }

    [Fact]
    public async Task A_real_interrupt_exits_130()
    {
        await using var app = await SilentApp.StartAsync();
        using var ctrlC = new CancellationTokenSource();

        // The probes wait 60 s for an answer; the interrupt comes long before any time limit.
        var scan = CliRunner.RunAsync(ctrlC.Token, "scan", app.DescriptorUrl, "--allow-private-network", "--timeout", "60", "-q");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await ctrlC.CancelAsync();
        var result = await scan;

        result.ExitCode.ShouldBe(130, result.Out + result.Error);
    }

    [Fact]
    public async Task A_descriptor_slower_than_max_time_is_unreachable_not_an_interrupt()
    {
        await using var app = await SilentApp.StartAsync(descriptorDelay: TimeSpan.FromSeconds(5));

        var result = await CliRunner.RunAsync("scan", app.DescriptorUrl, "--allow-private-network", "--timeout", "30", "--max-time", "1", "-q");

        result.ExitCode.ShouldBe(3, result.Out + result.Error);
        result.Error.ShouldContain("within the scan time limit of 1 s");
    }

    [Fact]
    public async Task Scan_without_a_target_is_bad_input_and_scans_nothing()
    {
        var result = await CliRunner.RunAsync("scan");

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain("TARGET");
        result.Error.ShouldNotContain("demo app");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_target_is_bad_input_naming_the_problem(string target)
    {
        var result = await CliRunner.RunAsync("scan", target, "-f", "json");

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain("TARGET is empty");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task Version_prints_the_version_every_report_carries()
    {
        var result = await CliRunner.RunAsync("--version");

        result.ExitCode.ShouldBe(0);
        result.Out.Trim().ShouldBe(ScanEngine.Tool.Version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_unexpected_error_shows_its_stack_only_in_debug_mode(bool debug)
    {
        var text = new StringWriter();
        Exception error;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        var code = ErrorReporter.Handle(error, CliRunner.Console(text), debug);

        code.ShouldBe(70);
        text.ToString().ShouldContain("rampart: internal error: boom");
        text.ToString().Contains(nameof(An_unexpected_error_shows_its_stack_only_in_debug_mode), StringComparison.Ordinal).ShouldBe(debug, text.ToString());
    }
}
