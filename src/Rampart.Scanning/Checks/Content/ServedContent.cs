using Rampart.Catalog;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Http;

namespace Rampart.Scanning.Checks.Content;

/// <summary>
/// The HTML the app's endpoints served during the scan (pages a valid token opened included), the scripts those pages
/// load from the app's own origins and their source maps' <c>sourcesContent</c>. Collected once per scan and shared
/// by the content checks; third-party hosts are never fetched, and assets and bytes are capped because the app may
/// be hostile.
/// </summary>
public sealed partial class ServedContent
{
    public const int MaxAssets = 100;
    public const int MaxAssetBytes = 1024 * 1024;

    private readonly ScanContext context;
    private readonly Lock gate = new();
    private Task<IReadOnlyList<ServedAsset>>? assets;

    public ServedContent(ScanContext context) => this.context = context;

    /// <summary>Collected once: the first caller's token bounds the collection, later callers share its result.</summary>
    public Task<IReadOnlyList<ServedAsset>> AssetsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return assets ??= CollectAsync(context, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<ServedAsset>> CollectAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var descriptor = context.Descriptor ?? throw new InvalidOperationException("Content checks need a Connect descriptor.");
        var endpoints = descriptor.Endpoints.Where(e => !e.IsThirdParty).ToList();
        await Task.WhenAll(endpoints.Select(e => context.Probes.PlainGetAsync(e.Url, cancellationToken)));

        var origins = context.AppOrigins().Select(o => o.GetLeftPart(UriPartial.Authority)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new List<ServedAsset>();
        var pages = new List<(Uri Url, string Html)>();
        var seenPages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in context.Recorder.Responses)
        {
            if (response.Error is null && response.Status == 200 && IsHtml(response) && IsAppOrigin(response.FinalUrl, origins)
                && seenPages.Add(response.FinalUrl.GetLeftPart(UriPartial.Path)))
            {
                pages.Add((response.FinalUrl, response.BodyText()));
            }
        }

        foreach (var (url, html) in pages.Take(MaxAssets))
        {
            found.Add(new ServedAsset(url.GetLeftPart(UriPartial.Path), ServedAssetKind.Html, html));
        }

        var scripts = pages
            .SelectMany(p => ScriptSources(p.Url, p.Html))
            .Where(u => IsAppOrigin(u, origins))
            .Distinct()
            .ToList();
        foreach (var script in scripts)
        {
            if (found.Count >= MaxAssets)
            {
                break;
            }

            var response = await FetchAsync(context, script, cancellationToken);
            if (response is null)
            {
                continue;
            }

            var text = response.BodyText();
            found.Add(new ServedAsset(script.ToString(), ServedAssetKind.Script, text));
            foreach (var map in MapUrls(script, response, text).Where(u => IsAppOrigin(u, origins)).Distinct())
            {
                if (found.Count >= MaxAssets)
                {
                    break;
                }

                if (await FetchAsync(context, map, cancellationToken) is { } mapResponse)
                {
                    found.AddRange(MapSources(map, mapResponse.Body).Take(MaxAssets - found.Count));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Module pages no response of the scan opened (no 200): their content was not read, so a clean result over the
    /// rest is only a partial verification.
    /// </summary>
    public IReadOnlyList<Uri> UnopenedPages() => PagesWithout(r => r.Status == 200);

    /// <summary>Unopened module pages that refused the scan's valid (non-admin) token with 403: admin pages, as a rule.</summary>
    public IReadOnlyList<Uri> RefusedPages()
    {
        var refused = context.Recorder.Responses
            .Where(r => r.Error is null && r.Status == 403 && CarriesToken(r.Request))
            .Select(r => r.Request.Url.GetLeftPart(UriPartial.Path))
            .ToHashSet(StringComparer.Ordinal);
        return UnopenedPages().Where(u => refused.Contains(u.GetLeftPart(UriPartial.Path))).ToList();
    }

    private static bool CarriesToken(ProbeRequest request) =>
        request.Headers?.Any(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)) == true
        || request.Url.Query.Contains("jwt=", StringComparison.Ordinal);

    private List<Uri> PagesWithout(Func<ProbeResponse, bool> served)
    {
        var opened = context.Recorder.Responses
            .Where(r => r.Error is null && served(r))
            .Select(r => r.Request.Url.GetLeftPart(UriPartial.Path))
            .ToHashSet(StringComparer.Ordinal);
        return (context.Descriptor?.Endpoints ?? [])
            .Where(e => e.Role == Connect.EndpointRole.Module && !e.IsThirdParty && !opened.Contains(e.Url.GetLeftPart(UriPartial.Path)))
            .Select(e => e.Url)
            .Distinct()
            .ToList();
    }

    private static async Task<ProbeResponse?> FetchAsync(ScanContext context, Uri url, CancellationToken cancellationToken)
    {
        var response = await context.Http.SendAsync(new ProbeRequest(HttpMethod.Get, url, MaxBodyBytes: MaxAssetBytes), cancellationToken);
        return response.Error is null && response.Status == 200 ? response : null;
    }

    internal static IEnumerable<Uri> ScriptSources(Uri page, string html)
    {
        foreach (Match match in ScriptSrc().Matches(html))
        {
            if (Uri.TryCreate(page, System.Net.WebUtility.HtmlDecode(match.Groups[1].Value), out var url)
                && url.Scheme is "https" or "http")
            {
                yield return url;
            }
        }
    }

    /// <summary>The map named by the <c>SourceMap</c>/<c>X-SourceMap</c> header and by the last sourceMappingURL comment.</summary>
    internal static IEnumerable<Uri> MapUrls(Uri script, ProbeResponse response, string text)
    {
        var named = response.HeaderValues("SourceMap").Concat(response.HeaderValues("X-SourceMap")).ToList();
        if (SourceMappingUrl().Matches(text) is { Count: > 0 } comments)
        {
            named.Add(comments[^1].Groups[1].Value);
        }

        foreach (var value in named)
        {
            // Inline data: maps are not fetched; their content is already in the script.
            if (!value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(script, value.Trim(), out var url)
                && url.Scheme is "https" or "http")
            {
                yield return url;
            }
        }
    }

    internal static IEnumerable<ServedAsset> MapSources(Uri map, byte[] body)
    {
        var sources = new List<ServedAsset>();
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("sourcesContent", out var contents) || contents.ValueKind != JsonValueKind.Array)
            {
                return sources;
            }

            var names = json.RootElement.TryGetProperty("sources", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? n.GetString() : null).ToList()
                : [];
            var index = 0;
            foreach (var content in contents.EnumerateArray())
            {
                if (content.ValueKind == JsonValueKind.String)
                {
                    var name = index < names.Count && names[index] is { } n ? n : $"#{index}";
                    sources.Add(new ServedAsset($"{map} map-source {name}", ServedAssetKind.MapSource, content.GetString() ?? string.Empty));
                }

                index++;
            }
        }
        catch (JsonException)
        {
            // A broken or truncated map is simply not read; the script itself was scanned.
        }

        return sources;
    }

    private static bool IsHtml(ProbeResponse response) =>
        response.Header("Content-Type")?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsAppOrigin(Uri url, HashSet<string> origins) => origins.Contains(url.GetLeftPart(UriPartial.Authority));

    [GeneratedRegex(@"<script\b[^>]*?\bsrc\s*=\s*[""']?([^""'\s>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ScriptSrc();

    [GeneratedRegex(@"^\s*//[#@]\s*sourceMappingURL=(\S+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SourceMappingUrl();
}
