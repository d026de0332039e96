using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Rampart.Catalog;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Jwt;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>
/// RMP-AUTH-003: the <c>installed</c> and <c>uninstalled</c> callbacks must refuse an install signed by a key
/// Atlassian never published. Accepting one lets anyone register a tenant with a shared secret they chose, and then
/// mint valid tokens for it. The probe is state-changing, so it is sent only when allowed.
/// </summary>
public sealed class SignedInstallCheck : ICheck
{
    public const string Id = "RMP-AUTH-003";
    public const string FakeClientKey = "rampart-security-scan-fake-tenant-do-not-install";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("RMP-AUTH-003 needs a Connect descriptor.");
        var targets = descriptor.Endpoints
            .Where(e => e.Lifecycle is LifecycleEvent.Installed or LifecycleEvent.Uninstalled && !e.IsThirdParty)
            .ToList();
        if (!descriptor.UsesJwt)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable, $"authentication type {descriptor.AuthenticationType}: no install handshake to sign");
        }

        if (targets.Count == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable, "the descriptor declares no installed/uninstalled callbacks");
        }

        if (!context.Options.AllowStateChanging)
        {
            var skipped = targets.Select(t => new SkippedProbe(Id, t.Url.ToString(),
                "a forged install is state-changing (it may register a fake tenant); allow with --allow-state-changing")).ToList();
            return CheckOutcome.Of(Requirement, RequirementStatus.Manual,
                "forged signed-install probe not sent (state-changing); rerun with --allow-state-changing against a test deployment", skipped: skipped);
        }

        var results = await Task.WhenAll(targets.Select(t => ProbeAsync(context, descriptor, t, cancellationToken)));
        var findings = new List<Finding>();
        var unavailable = new List<string>();
        foreach (var (endpoint, response) in results)
        {
            switch (AccessClassifier.Classify(response))
            {
                case Access.Served:
                    findings.Add(context.NewFinding(Info, Requirement,
                        $"{endpoint.Lifecycle?.ToString().ToLowerInvariant()} callback accepted an install signed by an unknown key",
                        endpoint.Url.ToString(),
                        $"Declared at {endpoint.JsonPath}\nRequest (RS256, kid unknown to Atlassian, fake tenant {FakeClientKey}):\n{response.Request.Describe()}\nResponse:\n{response.DescribeStatus()}"));
                    break;
                case Access.Unavailable:
                    unavailable.Add($"{endpoint.Url.AbsolutePath} ({AccessClassifier.Describe(response)})");
                    break;
            }
        }

        if (findings.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Fail, $"{findings.Count} callback(s) accepted a forged signed install", findings);
        }

        return unavailable.Count > 0
            ? CheckOutcome.Of(Requirement, RequirementStatus.Error, "could not verify: " + string.Join("; ", unavailable))
            : CheckOutcome.Of(Requirement, RequirementStatus.Pass, $"{targets.Count} callback(s) refused a forged signed install");
    }

    private static async Task<(ConnectEndpoint, ProbeResponse)> ProbeAsync(ScanContext context, ConnectDescriptor descriptor, ConnectEndpoint endpoint, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        using var key = RSA.Create(2048);
        var claims = ConnectJwt.Claims(FakeClientKey, QueryStringHash.Compute("POST", endpoint.Url, descriptor.BaseUrl), now, TimeSpan.FromMinutes(3),
            subject: "rampart-security-scan-fake-user");
        claims["aud"] = descriptor.BaseUrl.ToString().TrimEnd('/');
        var token = ConnectJwt.CreateRs256(claims, key, "rampart-unknown-kid-" + Guid.NewGuid().ToString("N"));
        var payload = new JsonObject
        {
            ["key"] = descriptor.Key,
            ["clientKey"] = FakeClientKey,
            ["sharedSecret"] = ConnectJwt.RandomSecret(),
            ["baseUrl"] = "https://rampart-security-scan-fake-tenant.invalid",
            ["displayUrl"] = "https://rampart-security-scan-fake-tenant.invalid",
            ["productType"] = "jira",
            ["description"] = "FAKE TENANT sent by the Rampart security scanner to test signed-install verification. Do not keep.",
            ["eventType"] = endpoint.Lifecycle == LifecycleEvent.Installed ? "installed" : "uninstalled",
        };
        var response = await context.Http.SendAsync(new ProbeRequest(HttpMethod.Post, endpoint.Url,
            [new("Authorization", "JWT " + token)], Encoding.UTF8.GetBytes(payload.ToJsonString()), "application/json", FollowRedirects: false), cancellationToken);
        return (endpoint, response);
    }
}
