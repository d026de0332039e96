using System.Text;
using Microsoft.AspNetCore.Http;
using Rampart.Catalog;
using Rampart.DemoApps;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.EndToEnd;

/// <summary>What a scan refuses to do, and how it fails on bad targets.</summary>
public sealed class ScanSafetyTests(DemoFleetFixture fleet) : IClassFixture<DemoFleetFixture>
{
    private static readonly ScanEngine Engine = new(TimeProvider.System, CatalogRegistry.Embedded);

    [Fact]
    public async Task State_changing_probes_are_skipped_unless_allowed()
    {
        await using var app = await DemoApp.StartAsync(new DemoAppOptions("cautious", "Cautious", DemoFlaws.ForgedInstallAccepted), fleet.Authority, TimeProvider.System, TestTimeout.Token);
        var options = fleet.FullOptions(app) with { AllowStateChanging = false };

        var report = await fleet.ScanAsync(app, options);

        app.Requests.ShouldNotContain(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/lifecycle/", StringComparison.Ordinal));
        app.Requests.ShouldNotContain(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/webhooks/", StringComparison.Ordinal));
        report.Requirements.Single(r => r.Id == "1.4").Status.ShouldBe(RequirementStatus.Manual);
        report.Skipped.Select(s => new Uri(s.Location).AbsolutePath).ShouldContain("/lifecycle/installed");
        report.Skipped.Select(s => new Uri(s.Location).AbsolutePath).ShouldContain("/webhooks/issue-created");
    }

    [Fact]
    public async Task Loopback_targets_are_refused_without_permission()
    {
        var app = fleet.Apps["secure-app"];

        var error = await Should.ThrowAsync<TargetRefusedException>(() => fleet.ScanAsync(app, fleet.FullOptions(app) with { AllowPrivateNetwork = false }));

        error.Message.ShouldContain("--allow-private-network");
    }

    [Fact]
    public async Task An_untrusted_certificate_makes_the_target_unreachable_with_the_reason()
    {
        var app = fleet.Apps["secure-app"];

        var error = await Should.ThrowAsync<TargetUnreachableException>(() => fleet.ScanAsync(app, fleet.FullOptions(app) with { TrustedCaFiles = [] }));

        error.Message.ShouldContain("not trusted");
    }

    [Fact]
    public async Task Without_optional_inputs_the_checks_that_need_them_say_so()
    {
        var app = fleet.Apps["secure-app"];

        var report = await fleet.ScanAsync(app, fleet.FullOptions(app) with { UserJwt = null, SharedSecret = null, ClientKey = null });

        var authorization = report.Requirements.Single(r => r.Id == "1.2");
        authorization.Status.ShouldBe(RequirementStatus.Manual);
        authorization.Reason.ShouldNotBeNull().ShouldContain("--user-jwt");
        report.Requirements.Single(r => r.Id == "1.1").Status.ShouldBe(RequirementStatus.Pass);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        int port;
        await using (var server = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
        {
            port = server.BaseUrl.Port;
        }

        await Should.ThrowAsync<TargetUnreachableException>(() =>
            Engine.ScanConnectAsync(new Uri($"http://127.0.0.1:{port}/atlassian-connect.json"), TestScan.LoopbackOptions, null, TestTimeout.Token));
    }

    [Fact]
    public async Task A_descriptor_url_that_serves_404_is_unreachable()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => { ctx.Response.StatusCode = 404; return Task.CompletedTask; });

        var error = await Should.ThrowAsync<TargetUnreachableException>(() =>
            Engine.ScanConnectAsync(new Uri(server.BaseUrl, "atlassian-connect.json"), TestScan.LoopbackOptions, null, TestTimeout.Token));

        error.Message.ShouldContain("404");
    }

    public static TheoryData<string, string> MalformedDescriptors => new()
    {
        { "{\"key\": \"a\", \"name\": \"A\", \"baseUrl\": \"https://a.example", "line" },
        { "{\"key\": \"a\", \"name\": \"A\", \"baseUrl\": 7}", "$.baseUrl" },
        { "{\"key\": \"a\", \"name\": \"A\", \"baseUrl\": \"https://a.example\", \"modules\": []}", "$.modules" },
        { "[1, 2, 3]", "object" },
        { new string('[', 5000) + new string(']', 5000), "deep" },
    };

    [Theory]
    [MemberData(nameof(MalformedDescriptors))]
    public async Task Malformed_descriptors_are_bad_input_with_a_location(string descriptor, string mentioned)
    {
        await using var server = await LoopbackServer.StartAsync(ctx => ctx.Response.WriteAsync(descriptor, TestTimeout.Token));

        var error = await Should.ThrowAsync<DescriptorException>(() =>
            Engine.ScanConnectAsync(new Uri(server.BaseUrl, "atlassian-connect.json"), TestScan.LoopbackOptions, null, TestTimeout.Token));

        error.Message.ShouldContain(mentioned, Case.Insensitive);
    }

    [Fact]
    public async Task A_10_MiB_descriptor_is_refused_at_the_size_limit()
    {
        var filler = new string('x', 10 * 1024 * 1024);
        await using var server = await LoopbackServer.StartAsync(ctx =>
            ctx.Response.WriteAsync($"{{\"key\":\"a\",\"name\":\"A\",\"baseUrl\":\"https://a.example\",\"description\":\"{filler}\"}}", TestTimeout.Token));

        var error = await Should.ThrowAsync<DescriptorException>(() =>
            Engine.ScanConnectAsync(new Uri(server.BaseUrl, "atlassian-connect.json"), TestScan.LoopbackOptions, null, TestTimeout.Token));

        error.Message.ShouldContain("limit");
    }

    [Fact]
    public async Task A_descriptor_pointing_into_the_private_network_gets_nothing_probed_there()
    {
        // The descriptor is served from loopback (allowed for the test) but names a metadata-service URL.
        var json = Encoding.UTF8.GetBytes("""
            {"key":"evil","name":"Evil","baseUrl":"http://169.254.169.254/","authentication":{"type":"jwt"},
             "modules":{"generalPages":[{"key":"p","url":"/latest/meta-data/iam"}]}}
            """);
        await using var server = await LoopbackServer.StartAsync(ctx => ctx.Response.Body.WriteAsync(json, TestTimeout.Token).AsTask());

        var report = await Engine.ScanConnectAsync(new Uri(server.BaseUrl, "atlassian-connect.json"), TestScan.LoopbackOptions, null, TestTimeout.Token);

        var authentication = report.Requirements.Single(r => r.Id == "1.1");
        authentication.Status.ShouldBe(RequirementStatus.Error);
        authentication.Reason.ShouldNotBeNull().ShouldContain("metadata");
    }
}
