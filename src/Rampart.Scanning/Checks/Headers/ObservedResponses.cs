using Rampart.Scanning.Connect;
using Rampart.Scanning.Engine;

namespace Rampart.Scanning.Checks.Headers;

/// <summary>
/// Gathers every response the app sent during the scan — 200s, 401s, 403s and each redirect hop — so the header
/// checks judge all of them. CSRT only looks at responses below 400, so a correct 401 hides a missing header.
/// </summary>
public static class ObservedResponses
{
    public static async Task<IReadOnlyList<ObservedResponse>> CollectAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("Header checks need a Connect descriptor.");
        var endpoints = descriptor.Endpoints.Where(e => !e.IsThirdParty).ToList();

        // Make sure every endpoint was fetched at least once, even when no authentication check probed it.
        await Task.WhenAll(endpoints.Select(e => context.Probes.PlainGetAsync(e.Url, cancellationToken)));

        // The scripts and source maps the content checks fetch are app responses too; waiting for them keeps the
        // set of judged responses the same from one scan to the next.
        await context.Content.AssetsAsync(cancellationToken);

        var cacheable = endpoints.Where(e => e.Cacheable).Select(e => Key(e.Url)).ToHashSet(StringComparer.Ordinal);
        var appAuthorities = endpoints.Select(e => e.Url.GetLeftPart(UriPartial.Authority))
            .Append(descriptor.BaseUrl.GetLeftPart(UriPartial.Authority))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var observed = new List<ObservedResponse>();
        foreach (var response in context.Recorder.Responses)
        {
            if (response.Error is not null && response.Hops.Count == 0)
            {
                continue;
            }

            var label = Label(response.Request);
            foreach (var hop in response.Hops)
            {
                Add(hop.Url, label + " (redirect)", hop.Status, hop.Headers, []);
            }

            if (response.Error is null)
            {
                Add(response.FinalUrl, label, response.Status, response.Headers, response.Body);
            }
        }

        return observed;

        void Add(Uri url, string label, int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
        {
            if (appAuthorities.Contains(url.GetLeftPart(UriPartial.Authority)))
            {
                observed.Add(new ObservedResponse(StripToken(url), label, status, headers, body, cacheable.Contains(Key(url))));
            }
        }
    }

    private static string Label(Http.ProbeRequest request)
    {
        var auth = request.Headers?.Any(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)) == true;
        var queryToken = request.Url.Query.Contains("jwt=", StringComparison.Ordinal);
        return $"{request.Method.Method} {(auth || queryToken ? "with a token" : "without a token")}";
    }

    private static string Key(Uri url) => StripToken(url).GetLeftPart(UriPartial.Path);

    /// <summary>Findings are keyed by URL: a token in the query would make every scan a new location.</summary>
    private static Uri StripToken(Uri url)
    {
        if (!url.Query.Contains("jwt=", StringComparison.Ordinal))
        {
            return url;
        }

        var kept = url.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("jwt=", StringComparison.Ordinal));
        return new UriBuilder(url) { Query = string.Join('&', kept) }.Uri;
    }
}
