using System.Text;
using Rampart.Catalog;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>
/// RMP-AUTH-001: every endpoint the descriptor names (except lifecycle callbacks, cacheable modules and third-party
/// URLs) must refuse requests without a valid JWT: no token, a token signed with a random secret, an unsigned
/// (<c>alg: none</c>) token, and a forged token in <c>?jwt=</c>, by GET and by POST.
/// </summary>
public sealed class UnauthenticatedAccessCheck : ICheck
{
    public const string Id = "RMP-AUTH-001";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("RMP-AUTH-001 needs a Connect descriptor.");
        var targets = descriptor.Endpoints
            .Where(e => !e.IsThirdParty && !e.Cacheable && e.Role != EndpointRole.Lifecycle)
            .ToList();
        if (targets.Count == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable, "the descriptor names no endpoints that must authenticate");
        }

        var skipped = new List<SkippedProbe>();
        var results = await Task.WhenAll(targets.Select(e => ProbeAsync(context, descriptor, e, skipped, cancellationToken)));
        var findings = new List<Finding>();
        var unverified = new List<string>();
        var statics = 0;
        var protectedCount = 0;
        foreach (var (endpoint, verdict, accesses, note) in results)
        {
            switch (verdict)
            {
                case EndpointVerdict.Unprotected:
                    findings.Add(context.NewFinding(Info, Requirement,
                        $"{endpoint.ModuleType} endpoint serves content without a valid JWT",
                        endpoint.Url.ToString(), Evidence(endpoint, accesses, note)));
                    break;
                case EndpointVerdict.Static:
                    statics++;
                    findings.Add(context.NewFinding(Info, Requirement,
                        "Static content served without authentication (identical with and without a token, no tenant data)",
                        endpoint.Url.ToString(), Evidence(endpoint, accesses, note), Severity.Info, advisory: true));
                    break;
                case EndpointVerdict.Unverified:
                    unverified.Add($"{endpoint.Url.AbsolutePath} ({note})");
                    break;
                default:
                    protectedCount++;
                    break;
            }
        }

        if (findings.Any(f => !f.Advisory))
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Fail,
                $"{findings.Count(f => !f.Advisory)} of {targets.Count} endpoints serve content without a valid JWT", findings, skipped);
        }

        if (unverified.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Error,
                $"could not verify {unverified.Count} endpoint(s): {string.Join("; ", unverified)}", findings, skipped);
        }

        if (!descriptor.UsesJwt && protectedCount == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable,
                $"authentication type {descriptor.AuthenticationType} and static content only ({statics} endpoint(s))", findings, skipped);
        }

        return CheckOutcome.Of(Requirement, RequirementStatus.Pass,
            $"{protectedCount} endpoint(s) refused every request without a valid JWT" + (statics > 0 ? $"; {statics} serve static content" : string.Empty),
            findings, skipped);
    }

    private static async Task<(ConnectEndpoint, EndpointVerdict, IReadOnlyList<EndpointAccess>, string)> ProbeAsync(
        ScanContext context, ConnectDescriptor descriptor, ConnectEndpoint endpoint, List<SkippedProbe> skipped, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var issuer = context.Options.ClientKey;
        var url = endpoint.Url;
        var withQueryToken = AppendQuery(url, "jwt", ForgedTokens.Hs256("GET", url, descriptor.BaseUrl, now, issuer));
        var probes = new List<(string Label, Task<ProbeResponse> Response)>
        {
            ("GET, no token", context.Probes.PlainGetAsync(url, cancellationToken)),
            ("GET, HS256 token signed with a random secret", Send(context, HttpMethod.Get, url, Jwt(ForgedTokens.Hs256("GET", url, descriptor.BaseUrl, now, issuer)), cancellationToken)),
            ("GET, unsigned alg:none token", Send(context, HttpMethod.Get, url, Jwt(ForgedTokens.AlgNone("GET", url, descriptor.BaseUrl, now, issuer)), cancellationToken)),
            ("GET, forged token in ?jwt=", Send(context, HttpMethod.Get, withQueryToken, null, cancellationToken)),
        };

        // POSTs to webhooks deliver events: only with permission. POSTs to pages are what CSRT sends too.
        if (endpoint.Role != EndpointRole.Webhook || context.Options.AllowStateChanging)
        {
            probes.Add(("POST, no token", Send(context, HttpMethod.Post, url, null, cancellationToken)));
            probes.Add(("POST, HS256 token signed with a random secret", Send(context, HttpMethod.Post, url, Jwt(ForgedTokens.Hs256("POST", url, descriptor.BaseUrl, now, issuer)), cancellationToken)));
            probes.Add(("POST, unsigned alg:none token", Send(context, HttpMethod.Post, url, Jwt(ForgedTokens.AlgNone("POST", url, descriptor.BaseUrl, now, issuer)), cancellationToken)));
        }
        else
        {
            lock (skipped)
            {
                skipped.Add(new SkippedProbe(Id, url.ToString(), "POST probes of a webhook deliver fake events (state-changing); allow with --allow-state-changing"));
            }
        }

        await Task.WhenAll(probes.Select(p => p.Response));
        var accesses = probes.Select(p => new EndpointAccess(p.Label, p.Response.Result, AccessClassifier.Classify(p.Response.Result))).ToList();
        var (verdict, note) = Judge(accesses);
        return (endpoint, verdict, accesses, note);
    }

    private static (EndpointVerdict, string) Judge(IReadOnlyList<EndpointAccess> accesses)
    {
        var served = accesses.Where(a => a.Access == Access.Served).ToList();
        if (served.Count > 0)
        {
            // Static: served alike with and without a token, carrying no tenant data (CSRT PR #72's idea).
            var byMethod = served.GroupBy(a => a.Response.Request.Method);
            var tenant = served.Select(a => TenantData.FindMarker(a.Response.Body)).FirstOrDefault(m => m is not null);
            var allStatic = tenant is null && byMethod.All(group =>
            {
                var baseline = accesses.FirstOrDefault(a => a.Response.Request.Method == group.Key && a.Label.EndsWith("no token", StringComparison.Ordinal));
                return baseline is { Access: Access.Served } && group.All(a => BodyComparison.SameContent(a.Response.Body, baseline.Response.Body));
            });
            return allStatic
                ? (EndpointVerdict.Static, "identical with and without a token, no tenant data")
                : (EndpointVerdict.Unprotected, tenant is null ? "content depends on the token or differs per request" : $"contains tenant data: {tenant}");
        }

        var unavailable = accesses.Where(a => a.Access == Access.Unavailable).ToList();
        if (unavailable.Count > 0)
        {
            return (EndpointVerdict.Unverified, string.Join(", ", unavailable.Select(a => $"{a.Label}: {AccessClassifier.Describe(a.Response)}").Distinct()));
        }

        return (EndpointVerdict.Protected, string.Empty);
    }

    private static string Evidence(ConnectEndpoint endpoint, IReadOnlyList<EndpointAccess> accesses, string note)
    {
        var builder = new StringBuilder();
        builder.Append("Declared at ").Append(endpoint.JsonPath).Append(" as ").AppendLine(endpoint.Template);
        foreach (var access in accesses)
        {
            builder.Append("- ").Append(access.Label).Append(": ").Append(AccessClassifier.Describe(access.Response));
            if (access.Access == Access.Served)
            {
                builder.Append($", {access.Response.Body.Length} bytes served");
            }

            builder.AppendLine();
        }

        if (note.Length > 0)
        {
            builder.Append("Judgement: ").AppendLine(note);
        }

        var first = accesses.FirstOrDefault(a => a.Access == Access.Served);
        if (first is not null)
        {
            builder.AppendLine("Request:").AppendLine(first.Response.Request.Describe());
            builder.AppendLine("Response:").AppendLine(first.Response.DescribeStatus());
        }

        return builder.ToString().TrimEnd();
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Jwt(string token) => [new("Authorization", "JWT " + token)];

    private static Task<ProbeResponse> Send(ScanContext context, HttpMethod method, Uri url, IReadOnlyList<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken) =>
        context.Http.SendAsync(new ProbeRequest(method, url, headers), cancellationToken);

    internal static Uri AppendQuery(Uri url, string name, string value)
    {
        var builder = new UriBuilder(url);
        var pair = $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        builder.Query = string.IsNullOrEmpty(builder.Query) ? pair : builder.Query.TrimStart('?') + "&" + pair;
        return builder.Uri;
    }

    private enum EndpointVerdict
    {
        Protected,
        Static,
        Unprotected,
        Unverified,
    }
}
