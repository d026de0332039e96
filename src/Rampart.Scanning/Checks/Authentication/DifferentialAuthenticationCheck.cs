using System.Text;
using Rampart.Catalog;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Jwt;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>
/// RMP-AUTH-002: with a test installation's shared secret and client key, proves each validation step separately.
/// A valid token must be served; the same request with an expired token, a wrong qsh, a token issued for another
/// clientKey, or a tampered signature must not be. Whatever is served like the valid token names the missing check.
/// </summary>
public sealed class DifferentialAuthenticationCheck : ICheck
{
    public const string Id = "RMP-AUTH-002";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("RMP-AUTH-002 needs a Connect descriptor.");
        var secret = context.Options.SharedSecret;
        var clientKey = context.Options.ClientKey;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(clientKey))
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable,
                "differential JWT validation not run: supply a test installation's --shared-secret and --client-key");
        }

        var targets = descriptor.Endpoints
            .Where(e => e.Role == EndpointRole.Module && !e.IsThirdParty && !e.Cacheable)
            .ToList();
        if (targets.Count == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable, "the descriptor names no module endpoints");
        }

        var results = await Task.WhenAll(targets.Select(e => ProbeAsync(context, descriptor, e, secret, clientKey, cancellationToken)));
        var findings = new List<Finding>();
        var verified = 0;
        var refusedValid = new List<string>();
        foreach (var result in results)
        {
            if (result.ServedWithoutToken)
            {
                continue;
            }

            if (!result.ValidServed)
            {
                refusedValid.Add($"{result.Endpoint.Url.AbsolutePath} ({AccessClassifier.Describe(result.Valid)})");
                continue;
            }

            verified++;
            var accepted = result.Variants.Where(v => v.Access == Access.Served).ToList();
            if (accepted.Count > 0)
            {
                findings.Add(context.NewFinding(Info, Requirement,
                    "JWT validation incomplete: " + string.Join(", ", accepted.Select(a => Variants.Missing(a.Label))),
                    result.Endpoint.Url.ToString(), Evidence(result, accepted)));
            }
        }

        if (findings.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Fail,
                $"{findings.Count} endpoint(s) accept tokens a correct app rejects", findings);
        }

        if (verified == 0 && refusedValid.Count == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable,
                "every module endpoint serves requests without a token: nothing to compare (judged by RMP-AUTH-001)");
        }

        if (verified == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Error,
                "no endpoint served the valid token minted from --shared-secret/--client-key (wrong secret, or pages need a user?): " + string.Join("; ", refusedValid.Take(5)));
        }

        var note = refusedValid.Count > 0 ? $"; {refusedValid.Count} endpoint(s) refused even the valid token and were not compared" : string.Empty;
        return CheckOutcome.Of(Requirement, RequirementStatus.Pass,
            $"{verified} endpoint(s) rejected expired, wrong-qsh, other-issuer and tampered tokens" + note);
    }

    private static async Task<DifferentialResult> ProbeAsync(ScanContext context, ConnectDescriptor descriptor, ConnectEndpoint endpoint,
        string secret, string clientKey, CancellationToken cancellationToken)
    {
        var url = endpoint.Url;
        // A page served without any token (static content, or already an RMP-AUTH-001 failure) proves nothing here.
        var control = await context.Probes.PlainGetAsync(url, cancellationToken);
        if (AccessClassifier.Classify(control) == Access.Served)
        {
            return new DifferentialResult(endpoint, control, false, [], ServedWithoutToken: true);
        }

        var now = context.Time.GetUtcNow();
        var qsh = QueryStringHash.Compute("GET", url, descriptor.BaseUrl);
        var valid = ConnectJwt.CreateHs256(ConnectJwt.Claims(clientKey, qsh, now, TimeSpan.FromMinutes(3)), secret);
        var validResponse = await Get(context, url, valid, cancellationToken);
        if (AccessClassifier.Classify(validResponse) != Access.Served)
        {
            return new DifferentialResult(endpoint, validResponse, false, []);
        }

        var wrongQsh = QueryStringHash.Compute("GET", new Uri(descriptor.BaseUrl, "rampart-wrong-path"), descriptor.BaseUrl);
        var variants = new (string Label, string Token)[]
        {
            (Variants.Expired, ConnectJwt.CreateHs256(ConnectJwt.Claims(clientKey, qsh, now - TimeSpan.FromHours(2), TimeSpan.FromMinutes(5)), secret)),
            (Variants.WrongQsh, ConnectJwt.CreateHs256(ConnectJwt.Claims(clientKey, wrongQsh, now, TimeSpan.FromMinutes(3)), secret)),
            (Variants.OtherIssuer, ConnectJwt.CreateHs256(ConnectJwt.Claims("rampart-other-tenant-" + Guid.NewGuid().ToString("N")[..12], qsh, now, TimeSpan.FromMinutes(3)), secret)),
            (Variants.Tampered, ConnectJwt.TamperSignature(valid)),
        };
        var responses = await Task.WhenAll(variants.Select(v => Get(context, url, v.Token, cancellationToken)));
        var accesses = variants.Zip(responses, (v, r) => new EndpointAccess(v.Label, r, AccessClassifier.Classify(r))).ToList();
        return new DifferentialResult(endpoint, validResponse, true, accesses);
    }

    private static string Evidence(DifferentialResult result, IReadOnlyList<EndpointAccess> accepted)
    {
        var builder = new StringBuilder();
        builder.Append("Valid token (correct signature, iss, exp and qsh): ").AppendLine(AccessClassifier.Describe(result.Valid));
        foreach (var variant in result.Variants)
        {
            builder.Append("- ").Append(variant.Label).Append(": ").Append(AccessClassifier.Describe(variant.Response))
                .AppendLine(variant.Access == Access.Served ? "  <- served like the valid token" : string.Empty);
        }

        builder.AppendLine("Request:").AppendLine(accepted[0].Response.Request.Describe());
        return builder.ToString().TrimEnd();
    }

    private static Task<ProbeResponse> Get(ScanContext context, Uri url, string token, CancellationToken cancellationToken) =>
        context.Http.SendAsync(new ProbeRequest(HttpMethod.Get, url, [new("Authorization", "JWT " + token)]), cancellationToken);

    private sealed record DifferentialResult(ConnectEndpoint Endpoint, ProbeResponse Valid, bool ValidServed, IReadOnlyList<EndpointAccess> Variants, bool ServedWithoutToken = false);

    private static class Variants
    {
        public const string Expired = "expired token (exp two hours ago)";
        public const string WrongQsh = "token whose qsh is for another request";
        public const string OtherIssuer = "token issued for another clientKey, signed with this secret";
        public const string Tampered = "valid token with a corrupted signature";

        public static string Missing(string label) => label switch
        {
            Expired => "exp not checked",
            WrongQsh => "qsh not checked",
            OtherIssuer => "iss not checked against the installation",
            Tampered => "signature not verified",
            _ => label,
        };
    }
}
