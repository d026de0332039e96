using System.Net;
using System.Net.Sockets;
using Rampart.Catalog;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Checks.Dns;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Dns;

public sealed class DnsCheckTests(DnsFixture fixture) : IClassFixture<DnsFixture>
{
    [RequiresDnsmasqFact]
    public async Task Healthy_host_passes_both_checks()
    {
        var origin = new Uri("https://ok.app.test/");

        (await RunAsync(new DomainResolutionCheck(), origin)).Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        var takeover = await RunAsync(new SubdomainTakeoverCheck(), origin);
        takeover.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        takeover.Findings.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task Nxdomain_host_fails_6_1_with_query_resolver_and_rcode()
    {
        var outcome = await RunAsync(new DomainResolutionCheck(), new Uri("https://missing.app.test/"), new Uri("https://ok.app.test/"));

        outcome.Verdicts.Single().ShouldBe(new RequirementVerdict("6.1", RequirementStatus.Fail, "1 of 2 app hosts do not resolve"));
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.CheckId.ShouldBe("RMP-DNS-001");
        finding.Location.ShouldBe("missing.app.test");
        finding.Evidence.ShouldContain("query: A missing.app.test");
        finding.Evidence.ShouldContain($"resolver: 127.0.0.1:{fixture.Dns.Endpoint.Port}");
        finding.Evidence.ShouldContain("rcode: NXDOMAIN");
    }

    [RequiresDnsmasqFact]
    public async Task Ip_literal_origins_beside_names_are_named_in_the_pass_reason()
    {
        var verdict = (await RunAsync(new DomainResolutionCheck(), new Uri("https://ok.app.test/"), new Uri("https://127.0.0.1:8443/"))).Verdicts.Single();

        verdict.Status.ShouldBe(RequirementStatus.Pass);
        verdict.Reason!.ShouldEndWith("; not applicable to IP-literal hosts (no DNS to verify): 127.0.0.1");
    }

    [RequiresDnsmasqFact]
    public async Task Cname_chain_to_a_healthy_target_passes()
    {
        var origin = new Uri("https://alias.app.test/");

        (await RunAsync(new DomainResolutionCheck(), origin)).Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        var takeover = await RunAsync(new SubdomainTakeoverCheck(), origin);
        takeover.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        takeover.Findings.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task Cname_to_a_github_io_name_that_does_not_exist_fails_6_3()
    {
        var outcome = await RunAsync(new SubdomainTakeoverCheck(), new Uri("https://gone.app.test/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.CheckId.ShouldBe("RMP-DNS-002");
        finding.Advisory.ShouldBeFalse();
        finding.Title.ShouldContain("GitHub Pages");
        finding.Evidence.ShouldContain("CNAME chain: gone.app.test -> gone-site.github.io");
        finding.Evidence.ShouldContain("rcode: NXDOMAIN");
        finding.Evidence.ShouldContain("CC-BY-4.0");
    }

    [RequiresDnsmasqFact]
    public async Task Cname_to_a_github_io_name_serving_the_no_site_page_fails_6_3()
    {
        var outcome = await RunAsync(new SubdomainTakeoverCheck(), new Uri($"http://pages.app.test:{fixture.UnclaimedSite.BaseUrl.Port}/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Title.ShouldBe("pages.app.test is a CNAME to an unclaimed GitHub Pages site (unclaimed-pages.github.io)");
        finding.Evidence.ShouldContain("HTTP 404");
        finding.Evidence.ShouldContain("There isn't a GitHub Pages site here");
        fixture.UnclaimedSite.Requests.ShouldNotBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task Cname_to_a_claimed_github_io_site_passes()
    {
        var outcome = await RunAsync(new SubdomainTakeoverCheck(), new Uri($"http://docs.app.test:{fixture.ClaimedSite.BaseUrl.Port}/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        outcome.Findings.ShouldBeEmpty();
        fixture.ClaimedSite.Requests.ShouldNotBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task Names_that_merely_contain_github_are_not_flagged()
    {
        var outcome = await RunAsync(new SubdomainTakeoverCheck(),
            new Uri($"http://github.app.test:{fixture.UnclaimedSite.BaseUrl.Port}/"),
            new Uri($"http://lookalike.app.test:{fixture.UnclaimedSite.BaseUrl.Port}/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        outcome.Findings.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task Cname_to_a_missing_name_on_no_listed_service_is_advisory()
    {
        var outcome = await RunAsync(new SubdomainTakeoverCheck(), new Uri("https://dangling.app.test/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Advisory.ShouldBeTrue();
        finding.Evidence.ShouldContain("dangling.app.test -> nothing-here.app.test");
    }

    [RequiresDnsmasqFact]
    public async Task A_zone_delegated_to_a_name_server_that_does_not_exist_fails_6_3()
    {
        // dnsmasq as an authoritative server: deleg.test is delegated to ns1.ok-dns.test (exists, and serves the zone
        // when asked directly) and ns.gone-dns.test (its zone is served but has no such name: NXDOMAIN).
        var address = RandomLoopbackAddress();
        var port = DnsmasqServer.FreeUdpPort(address);
        await using var authoritative = await DnsmasqServer.StartAsync(
        [
            $"--auth-server=ns1.ok-dns.test,{address}",
            "--auth-zone=deleg.test",
            "--auth-zone=ok-dns.test",
            "--auth-zone=gone-dns.test",
            "--auth-sec-servers=ns.gone-dns.test",
            $"--host-record=ns1.ok-dns.test,{address}",
            $"--host-record=www.deleg.test,{address}",
        ], "ns1.ok-dns.test", TestTimeout.Token, address, port);

        var outcome = await RunAsync(new SubdomainTakeoverCheck(), Options(authoritative.Endpoint) with { NameServerPort = port }, new Uri("https://www.deleg.test/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Title.ShouldBe("Zone deleg.test is delegated to a name server that does not exist (ns.gone-dns.test)");
        finding.Location.ShouldBe("deleg.test NS ns.gone-dns.test");
        finding.Evidence.ShouldContain("query: A ns.gone-dns.test");
        finding.Evidence.ShouldContain("rcode: NXDOMAIN");
    }

    [RequiresDnsmasqFact]
    public async Task A_zone_whose_name_servers_all_serve_it_passes_6_3()
    {
        var address = RandomLoopbackAddress();
        var port = DnsmasqServer.FreeUdpPort(address);
        await using var authoritative = await DnsmasqServer.StartAsync(
        [
            $"--auth-server=ns1.ok-dns.test,{address}",
            "--auth-zone=good.test",
            "--auth-zone=ok-dns.test",
            $"--host-record=ns1.ok-dns.test,{address}",
            $"--host-record=www.good.test,{address}",
        ], "ns1.ok-dns.test", TestTimeout.Token, address, port);

        var outcome = await RunAsync(new SubdomainTakeoverCheck(), Options(authoritative.Endpoint) with { NameServerPort = port }, new Uri("https://www.good.test/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        outcome.Findings.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task A_zone_delegated_to_name_servers_that_answer_refused_or_servfail_fails_6_3()
    {
        // lame.test is delegated to three servers on one port: the authoritative dnsmasq, a dnsmasq that serves no
        // zone (REFUSED) and a server that answers SERVFAIL to everything.
        var address = RandomLoopbackAddress();
        var port = DnsmasqServer.FreeUdpPort(address);
        var refusingAddress = RandomLoopbackAddress();
        var failingAddress = RandomLoopbackAddress();
        await using var refusing = await DnsmasqServer.StartAsync([$"--host-record=alive.refusing-dns.test,{refusingAddress}"],
            "alive.refusing-dns.test", TestTimeout.Token, refusingAddress, port);
        using var failing = ScriptedDnsServer.FailingEverything(new IPEndPoint(failingAddress, port));
        await using var authoritative = await DnsmasqServer.StartAsync(
        [
            $"--auth-server=ns1.ok-dns.test,{address}",
            "--auth-zone=lame.test",
            "--auth-zone=ok-dns.test",
            "--auth-sec-servers=ns.refusing-dns.test,ns.failing-dns.test",
            $"--host-record=ns1.ok-dns.test,{address}",
            $"--host-record=ns.refusing-dns.test,{refusingAddress}",
            $"--host-record=ns.failing-dns.test,{failingAddress}",
            $"--host-record=www.lame.test,{address}",
        ], "ns1.ok-dns.test", TestTimeout.Token, address, port);

        var outcome = await RunAsync(new SubdomainTakeoverCheck(), Options(authoritative.Endpoint) with { NameServerPort = port }, new Uri("https://www.lame.test/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        outcome.Findings.Select(f => f.Title).Order().ShouldBe(
        [
            "Zone lame.test is delegated to a name server that does not serve it (ns.failing-dns.test: SERVFAIL)",
            "Zone lame.test is delegated to a name server that does not serve it (ns.refusing-dns.test: REFUSED)",
        ]);
        var refused = outcome.Findings.Single(f => f.Location == "lame.test NS ns.refusing-dns.test");
        refused.Evidence.ShouldContain("query: SOA lame.test");
        refused.Evidence.ShouldContain($"resolver: {refusingAddress}:{port}");
        refused.Advisory.ShouldBeFalse();
    }

    [Fact]
    public async Task A_host_answering_servfail_fails_6_1()
    {
        using var failing = ScriptedDnsServer.FailingEverything(new IPEndPoint(IPAddress.Loopback, 0));

        var outcome = await RunAsync(new DomainResolutionCheck(), Options(failing.Endpoint), new Uri("https://broken.app.test/"));

        outcome.Verdicts.Single().ShouldBe(new RequirementVerdict("6.1", RequirementStatus.Fail, "1 of 1 app hosts do not resolve"));
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Title.ShouldBe("broken.app.test does not resolve (SERVFAIL)");
        finding.Evidence.ShouldContain("rcode: SERVFAIL");
    }

    [Fact]
    public async Task A_cname_loop_fails_6_1_although_every_answer_is_noerror()
    {
        using var looping = ScriptedDnsServer.WithAliases(new IPEndPoint(IPAddress.Loopback, 0), new Dictionary<string, string>
        {
            ["app.loop.test"] = "edge.loop.test",
            ["edge.loop.test"] = "origin.loop.test",
            ["origin.loop.test"] = "edge.loop.test",
        });

        var outcome = await RunAsync(new DomainResolutionCheck(), Options(looping.Endpoint), new Uri("https://app.loop.test/"));

        outcome.Verdicts.Single().ShouldBe(new RequirementVerdict("6.1", RequirementStatus.Fail, "1 of 1 app hosts do not resolve"));
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Title.ShouldBe("app.loop.test does not resolve (CNAME loop at edge.loop.test)");
        finding.Evidence.ShouldContain("CNAME chain: app.loop.test -> edge.loop.test -> origin.loop.test -> edge.loop.test");
    }

    [RequiresDnsmasqFact]
    public async Task A_chain_of_eleven_hops_fails_6_1_and_one_of_ten_passes()
    {
        var tooLong = await RunAsync(new DomainResolutionCheck(), new Uri("https://hop1.app.test/"));
        var longest = await RunAsync(new DomainResolutionCheck(), new Uri("https://ten.app.test/"));

        tooLong.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        tooLong.Findings.ShouldHaveSingleItem().Title.ShouldBe("hop1.app.test does not resolve (CNAME chain longer than 10 hops)");
        longest.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
    }

    private static IPAddress RandomLoopbackAddress() =>
        new([127, (byte)Random.Shared.Next(100, 250), (byte)Random.Shared.Next(1, 250), (byte)Random.Shared.Next(1, 250)]);

    [Fact]
    public async Task Ip_literal_hosts_are_skipped_with_the_reason_and_left_to_a_reviewer()
    {
        var origin = new Uri("https://127.0.0.1:8443/");
        foreach (ICheck check in new ICheck[] { new DomainResolutionCheck(), new SubdomainTakeoverCheck() })
        {
            var verdict = (await RunAsync(check, origin)).Verdicts.Single();
            verdict.Status.ShouldBe(RequirementStatus.Manual);
            verdict.Reason.ShouldBe("not applicable to IP-literal hosts (no DNS to verify): 127.0.0.1; a reviewer must confirm the addresses are the vendor's");
        }
    }

    [Fact]
    public async Task A_resolver_that_never_answers_is_an_error_not_a_pass()
    {
        // A bound UDP socket that reads nothing: queries to it time out.
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var options = Options((IPEndPoint)silent.LocalEndPoint!) with { DnsTimeout = TimeSpan.FromMilliseconds(300) };

        var outcome = await RunAsync(new DomainResolutionCheck(), options, new Uri("https://ok.app.test/"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Error);
        outcome.Verdicts.Single().Reason!.ShouldContain("timeout");
        outcome.Findings.ShouldBeEmpty();
    }

    private Task<CheckOutcome> RunAsync(ICheck check, params Uri[] origins) => RunAsync(check, Options(fixture.Dns.Endpoint), origins);

    private static ScanOptions Options(IPEndPoint dnsServer) => TestScan.LoopbackOptions with { DnsServer = dnsServer };

    private static async Task<CheckOutcome> RunAsync(ICheck check, ScanOptions options, params Uri[] origins)
    {
        var descriptor = new ConnectDescriptor(origins[0], "dns-test-app", "DNS test app", origins[^1], "jwt", true, true, [],
            origins.Select((o, i) => new ConnectEndpoint(o, o.ToString(), $"$.modules.generalPages[{i}].url", "generalPages", $"page-{i}",
                EndpointRole.Module, null, false, false, false)).ToList(), []);
        using var client = TestScan.Client(options);
        var context = new ScanContext(AppKind.Connect, descriptor.Key, descriptor, options, client, TimeProvider.System);
        return await check.RunAsync(context, TestTimeout.Token);
    }
}
