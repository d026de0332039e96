using Rampart.Catalog;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Authentication;

/// <summary>
/// RMP-AUTHZ-001: admin modules (by type, or guarded by a non-inverted admin condition) must not serve a non-admin
/// user's valid token. Needs that token (<c>--user-jwt</c>); without it the requirement stays manual.
/// </summary>
public sealed class AuthorizationCheck : ICheck
{
    public const string Id = "RMP-AUTHZ-001";

    public CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    private string Requirement => Info.RequirementId;

    public async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("RMP-AUTHZ-001 needs a Connect descriptor.");
        var targets = descriptor.Endpoints.Where(e => e.IsAdmin && !e.IsThirdParty && e.Role == EndpointRole.Module).ToList();
        if (targets.Count == 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.NotApplicable, "the descriptor names no admin modules");
        }

        var userJwt = context.Options.UserJwt;
        if (string.IsNullOrEmpty(userJwt))
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Manual,
                $"{targets.Count} admin endpoint(s) not verified: supply a non-admin user's token with --user-jwt");
        }

        var findings = new List<Finding>();
        var unverified = new List<string>();
        var leftToAuthentication = 0;
        var results = await Task.WhenAll(targets.Select(async t =>
        {
            var control = await context.Probes.PlainGetAsync(t.Url, cancellationToken);
            var withToken = UnauthenticatedAccessCheck.AppendQuery(t.Url, "jwt", userJwt);
            var user = await context.Http.SendAsync(new ProbeRequest(HttpMethod.Get, withToken, [new("Authorization", "JWT " + userJwt)]), cancellationToken);
            return (Endpoint: t, Control: control, User: user);
        }));
        foreach (var (endpoint, control, user) in results)
        {
            var userAccess = AccessClassifier.Classify(user);
            if (userAccess == Access.Served && AccessClassifier.Classify(control) == Access.Served)
            {
                // Served to anyone: that is an authentication failure, reported by RMP-AUTH-001, not a second ticket here.
                leftToAuthentication++;
            }
            else if (userAccess == Access.Served)
            {
                findings.Add(context.NewFinding(Info, Requirement, "Admin endpoint serves a non-admin user",
                    endpoint.Url.ToString(),
                    $"Declared at {endpoint.JsonPath} ({endpoint.ModuleType})\nWithout a token: {AccessClassifier.Describe(control)}\n" +
                    $"With the non-admin user's token: {AccessClassifier.Describe(user)}\nRequest:\n{user.Request.Describe()}"));
            }
            else if (userAccess == Access.Unavailable)
            {
                unverified.Add($"{endpoint.Url.AbsolutePath} ({AccessClassifier.Describe(user)})");
            }
        }

        if (findings.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Fail, $"{findings.Count} admin endpoint(s) serve a non-admin user", findings);
        }

        if (unverified.Count > 0)
        {
            return CheckOutcome.Of(Requirement, RequirementStatus.Error, "could not verify: " + string.Join("; ", unverified));
        }

        var note = leftToAuthentication > 0 ? $"; {leftToAuthentication} serve anyone and are reported under 1.1" : string.Empty;
        return CheckOutcome.Of(Requirement, RequirementStatus.Pass, $"{targets.Count - leftToAuthentication} admin endpoint(s) refused the non-admin user" + note);
    }
}
