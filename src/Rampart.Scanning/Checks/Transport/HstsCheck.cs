using System.Globalization;
using Rampart.Catalog;
using Rampart.Scanning.Checks.Headers;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Transport;

/// <summary>
/// RMP-HSTS-001: every HTTPS response of every app origin — 401s and redirect hops included — carries a valid
/// <c>Strict-Transport-Security</c> with a max-age of at least a year. A browser honours only the first header of a
/// response (RFC 6797 8.1), so only the first is judged. Plain <c>http://</c> on each origin's host should redirect
/// to HTTPS; that is advisory because requirement 3 is met by HSTS and TLS, not by port 80.
/// </summary>
public sealed class HstsCheck : HeaderCheckBase
{
    public const string Id = "RMP-HSTS-001";

    /// <summary>One year, the minimum requirement 3 asks for.</summary>
    public const long MinimumMaxAge = 31_536_000;

    public override CheckRecord Info { get; } = CheckRegistry.Embedded.Get(Id);

    protected override string FindingTitle => "Strict-Transport-Security missing or shorter than a year";

    protected override bool Applies(ObservedResponse response) => response.Url.Scheme == Uri.UriSchemeHttps;

    protected internal override string? Problem(ObservedResponse response)
    {
        var first = response.Values("Strict-Transport-Security").FirstOrDefault();
        if (first is null)
        {
            return "no Strict-Transport-Security header";
        }

        var policy = HstsPolicy.Parse(first);
        if (policy.Error is not null)
        {
            return $"Strict-Transport-Security '{first}' is invalid ({policy.Error}), so browsers ignore it";
        }

        return policy.MaxAge < MinimumMaxAge
            ? string.Create(CultureInfo.InvariantCulture, $"max-age={policy.MaxAge} is shorter than {MinimumMaxAge} seconds (a year)")
            : null;
    }

    public override async Task<CheckOutcome> RunAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var outcome = await base.RunAsync(context, cancellationToken);
        var advisories = await Task.WhenAll(context.AppOrigins()
            .Where(o => o.Scheme == Uri.UriSchemeHttps)
            .Select(o => o.Host)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .Select(host => PlainHttpAsync(context, host, cancellationToken)));
        return outcome with { Findings = [.. outcome.Findings, .. advisories.OfType<Finding>()] };
    }

    /// <summary>Null when <c>http://host/</c> redirects to HTTPS; otherwise an advisory finding saying what it did.</summary>
    private async Task<Finding?> PlainHttpAsync(ScanContext context, string host, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(Uri.UriSchemeHttp, host).Uri;
        var response = await context.Http.SendAsync(new ProbeRequest(HttpMethod.Get, url, FollowRedirects: false), cancellationToken);
        string evidence;
        if (response.Error is { } error)
        {
            if (error.Kind is ProbeErrorKind.ConnectionFailed or ProbeErrorKind.Timeout)
            {
                // Nothing listens on port 80: there is nothing to downgrade to, but the user should know the redirect
                // could not be verified, so it is reported as information rather than as an error of the check.
                evidence = $"port 80 of {host} is not reachable ({error.Message}); the redirect to HTTPS could not be verified";
            }
            else
            {
                evidence = $"plain HTTP request failed: {error.Message}";
            }
        }
        else
        {
            var location = response.Header("Location");
            if (response.Status is >= 300 and < 400 && location is not null && Uri.TryCreate(url, location, out var target) &&
                target.Scheme == Uri.UriSchemeHttps)
            {
                return null;
            }

            evidence = $"GET {url} -> HTTP {response.Status}" + (location is null ? " without a redirect" : $" redirecting to '{location}'") +
                " instead of redirecting to HTTPS";
        }

        return context.NewFinding(Info, Requirement, "Plain HTTP does not redirect to HTTPS", url.ToString(), evidence,
            Severity.Info, advisory: true);
    }
}
