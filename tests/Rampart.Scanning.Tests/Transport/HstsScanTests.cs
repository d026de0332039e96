using Microsoft.AspNetCore.Http;
using Rampart.Catalog;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Checks.Transport;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Rampart.Scanning.Tests.Certificates;
using Rampart.Scanning.Tests.Dns;
using Rampart.Scanning.Tests.Support;

namespace Rampart.Scanning.Tests.Transport;

/// <summary>
/// RMP-HSTS-001 against real Kestrel servers: two hosts on their own loopback addresses (names from dnsmasq), one whose
/// port 80 redirects to HTTPS and one whose port 80 serves the page in the clear, each with HTTPS pages that send
/// good, missing, short and malformed <c>Strict-Transport-Security</c> headers on 200s, 401s and redirect hops.
/// </summary>
public sealed class HstsScanTests : IAsyncLifetime
{
    private const string Year = "max-age=31536000; includeSubDomains";

    private readonly TestCertificateAuthority authority = new(TimeProvider.System.GetUtcNow());
    private readonly string caFile = Path.Combine(Path.GetTempPath(), $"rampart-hsts-{Guid.NewGuid():N}.pem");
    private AddressBoundServer redirecting = null!;
    private AddressBoundServer plain = null!;
    private DnsmasqServer? dns;

    public async Task InitializeAsync()
    {
        authority.WritePem(caFile);
        var certificate = authority.Issue(["redirecting.hsts.test", "plain.hsts.test"]);
        redirecting = await AddressBoundServer.StartAsync(AddressBoundServer.RandomLoopbackAddress(), certificate, HttpsPagesAsync,
            context =>
            {
                context.Response.Redirect($"https://redirecting.hsts.test{context.Request.Path}", permanent: true);
                return Task.CompletedTask;
            });
        plain = await AddressBoundServer.StartAsync(AddressBoundServer.RandomLoopbackAddress(), certificate, HttpsPagesAsync,
            context => context.Response.WriteAsync("<html><body>Served in the clear</body></html>"));
        if (DnsmasqServer.Executable is not null)
        {
            dns = await DnsmasqServer.StartAsync(
                ["--local=/hsts.test/", $"--host-record=redirecting.hsts.test,{redirecting.Address}", $"--host-record=plain.hsts.test,{plain.Address}"],
                "redirecting.hsts.test", TestTimeout.Token);
        }
    }

    /// <summary>/good 200 with a year; /denied 401 without; /moved 302 without, to /good; /short a day; /malformed an invalid header.</summary>
    private static Task HttpsPagesAsync(HttpContext context)
    {
        var response = context.Response;
        switch (context.Request.Path.Value)
        {
            case "/good":
                response.Headers.StrictTransportSecurity = Year + "; preload";
                return response.WriteAsync("good");
            case "/denied":
                response.StatusCode = StatusCodes.Status401Unauthorized;
                return response.WriteAsync("log in first");
            case "/moved":
                response.Redirect("/good");
                return Task.CompletedTask;
            case "/short":
                response.Headers.StrictTransportSecurity = "max-age=86400; includeSubDomains";
                return response.WriteAsync("short");
            case "/malformed":
                response.Headers.StrictTransportSecurity = "max-age=31536000, includeSubDomains";
                return response.WriteAsync("malformed");
            default:
                response.Headers.StrictTransportSecurity = Year;
                response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
        }
    }

    [RequiresDnsmasqFact]
    public async Task Hsts_for_a_year_everywhere_and_a_redirecting_port_80_passes_without_advisories()
    {
        var outcome = await RunAsync(Url(redirecting, "redirecting", "/good"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        outcome.Findings.ShouldBeEmpty();
    }

    [RequiresDnsmasqFact]
    public async Task Plain_http_that_serves_content_is_advisory_only()
    {
        var outcome = await RunAsync(Url(plain, "plain", "/good"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Pass);
        var advisory = outcome.Findings.ShouldHaveSingleItem();
        advisory.Advisory.ShouldBeTrue();
        advisory.Location.ShouldBe("http://plain.hsts.test/");
        advisory.Evidence.ShouldBe("GET http://plain.hsts.test/ -> HTTP 200 without a redirect instead of redirecting to HTTPS");
    }

    [RequiresDnsmasqFact]
    public async Task A_401_without_hsts_fails_naming_the_response()
    {
        var outcome = await RunAsync(Url(redirecting, "redirecting", "/good"), Url(redirecting, "redirecting", "/denied"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Location.ShouldBe(Url(redirecting, "redirecting", "/denied").ToString());
        finding.Evidence.ShouldBe("- GET without a token -> HTTP 401: no Strict-Transport-Security header");
    }

    [RequiresDnsmasqFact]
    public async Task A_redirect_hop_without_hsts_fails_though_its_target_has_it()
    {
        var outcome = await RunAsync(Url(redirecting, "redirecting", "/moved"));

        outcome.Verdicts.Single().Status.ShouldBe(RequirementStatus.Fail);
        var finding = outcome.Findings.ShouldHaveSingleItem();
        finding.Location.ShouldBe(Url(redirecting, "redirecting", "/moved").ToString());
        finding.Evidence.ShouldBe("- GET without a token (redirect) -> HTTP 302: no Strict-Transport-Security header");
    }

    [RequiresDnsmasqFact]
    public async Task A_max_age_below_a_year_fails_with_the_age()
    {
        var finding = (await RunAsync(Url(redirecting, "redirecting", "/short"))).Findings.ShouldHaveSingleItem();

        finding.Evidence.ShouldBe("- GET without a token -> HTTP 200: max-age=86400 is shorter than 31536000 seconds (a year)");
    }

    [RequiresDnsmasqFact]
    public async Task A_malformed_header_fails_as_void()
    {
        var finding = (await RunAsync(Url(redirecting, "redirecting", "/malformed"))).Findings.ShouldHaveSingleItem();

        finding.Evidence.ShouldContain("'max-age=31536000, includeSubDomains' is invalid (unexpected character ',')");
        finding.Evidence.ShouldContain("browsers ignore it");
    }

    private static Uri Url(AddressBoundServer server, string host, string path) => new($"https://{host}.hsts.test:{server.HttpsPort}{path}");

    private async Task<CheckOutcome> RunAsync(params Uri[] urls)
    {
        var options = TestScan.LoopbackOptions with { DnsServer = dns!.Endpoint, TrustedCaFiles = [caFile] };
        var baseUrl = new Uri(urls[0].GetLeftPart(UriPartial.Authority));
        var descriptor = new ConnectDescriptor(new Uri(baseUrl, "/atlassian-connect.json"), "hsts-test-app", "HSTS test app", baseUrl, "jwt", true, true, [],
            urls.Select((u, i) => new ConnectEndpoint(u, u.PathAndQuery, $"$.modules.generalPages[{i}].url", "generalPages", $"page-{i}",
                EndpointRole.Module, null, false, false, false)).ToList(), []);
        using var client = TestScan.Client(options, Rampart.Scanning.Http.CertificateTrust.FromPemFiles([caFile]));
        var context = new ScanContext(AppKind.Connect, descriptor.Key, descriptor, options, client, TimeProvider.System);
        return await new HstsCheck().RunAsync(context, TestTimeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (dns is not null)
        {
            await dns.DisposeAsync();
        }

        await redirecting.DisposeAsync();
        await plain.DisposeAsync();
        authority.Dispose();
        File.Delete(caFile);
    }
}
