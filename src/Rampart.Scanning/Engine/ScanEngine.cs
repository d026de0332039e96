using System.Reflection;
using Rampart.Catalog;
using Rampart.Scanning.Checks;
using Rampart.Scanning.Connect;
using Rampart.Scanning.Http;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Engine;

/// <summary>
/// Runs one scan: fetches and parses the target, runs every applicable check concurrently (probing checks first,
/// then the checks that inspect the responses), and judges each requirement of the catalog.
/// </summary>
public sealed class ScanEngine(TimeProvider time, CatalogRegistry catalogs, IReadOnlyList<ICheck>? checks = null)
{
    private readonly IReadOnlyList<ICheck> checks = checks ?? ConnectChecks.All();

    public static ToolInfo Tool { get; } = new("rampart",
        typeof(ScanEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>The catalog a scan judges against: the one named, or the newest in effect today.</summary>
    public RequirementCatalog SelectCatalog(string? id)
    {
        if (id is null)
        {
            return catalogs.InEffectOn(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        }

        return catalogs.Find(id) ?? throw new CatalogException(
            $"--catalog: no catalog '{id}'; available: {string.Join(", ", catalogs.All.Select(c => c.Id))}");
    }

    public async Task<ScanReport> ScanConnectAsync(Uri descriptorUrl, ScanOptions options, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var catalog = SelectCatalog(options.CatalogId);
        var trust = CertificateTrust.FromPemFiles(options.TrustedCaFiles);
        using var client = new ProbeClient(options, time, trust);
        using var deadline = new CancellationTokenSource(options.TotalTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        progress?.Report(new ScanProgress("descriptor", $"Fetching {descriptorUrl}", false));
        ConnectDescriptor descriptor;
        try
        {
            descriptor = await FetchDescriptorAsync(client, descriptorUrl, options, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The scan's own time limit, not an interrupt: only the caller's token may end a scan as cancelled.
            throw new TargetUnreachableException($"no descriptor from {descriptorUrl} within the scan time limit of {options.TotalTimeout.TotalSeconds:0.#} s");
        }

        progress?.Report(new ScanProgress("descriptor", $"{descriptor.Endpoints.Count} endpoints in {descriptor.Key}", true));

        var context = new ScanContext(AppKind.Connect, descriptor.Key, descriptor, options, client, time);
        var applicable = checks.Where(c => c.Info.AppKinds.Contains(AppKind.Connect)).ToList();
        var outcomes = new Dictionary<string, CheckOutcome>(StringComparer.Ordinal);
        foreach (var phase in new[] { applicable.Where(c => c is not IResponseCheck), applicable.Where(c => c is IResponseCheck) })
        {
            var ran = await Task.WhenAll(phase.Select(c => RunCheckAsync(c, context, progress, deadline, linked.Token)));
            foreach (var (check, outcome) in ran)
            {
                outcomes[check.Info.Id] = outcome;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var available = checks.Select(c => c.Info.Id).ToHashSet(StringComparer.Ordinal);
        var (requirements, findings) = RequirementAggregator.Aggregate(catalog, AppKind.Connect, outcomes, available);
        var today = DateOnly.FromDateTime(started.UtcDateTime);
        var upcoming = catalogs.UpcomingOn(today, catalog)
            .Where(u => u.Requirement.AppliesToKind(AppKind.Connect))
            .Select(u => new UpcomingRequirement(u.Catalog.Id, u.Catalog.Effective, u.Requirement.Id, u.Requirement.Title))
            .ToList();
        return new ScanReport(
            ScanReport.CurrentSchemaVersion,
            Tool,
            new AppInfo(AppKind.Connect.ToId(), descriptor.Key, descriptor.Name, descriptor.BaseUrl.ToString(), descriptorUrl.ToString()),
            new CatalogInfo(catalog.Id, catalog.Effective),
            started,
            time.GetUtcNow(),
            requirements,
            findings,
            upcoming,
            outcomes.Values.SelectMany(o => o.Skipped).OrderBy(s => s.CheckId, StringComparer.Ordinal).ThenBy(s => s.Location, StringComparer.Ordinal).ToList());
    }

    private static async Task<ConnectDescriptor> FetchDescriptorAsync(IProbeClient client, Uri url, ScanOptions options, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            throw new DescriptorException($"the descriptor URL must be http or https, not '{url.Scheme}'");
        }

        var response = await client.SendAsync(new ProbeRequest(HttpMethod.Get, url, [new("Accept", "application/json")], MaxBodyBytes: options.MaxDescriptorBytes), cancellationToken);
        if (response.Error is { } error)
        {
            if (error.Kind == ProbeErrorKind.BlockedAddress)
            {
                throw new TargetRefusedException($"refusing to fetch the descriptor: {error.Message}");
            }

            throw new TargetUnreachableException($"cannot fetch the descriptor {url}: {error.Message}");
        }

        if (response.Status is < 200 or >= 300)
        {
            throw new TargetUnreachableException($"the descriptor URL {url} answered HTTP {response.Status}, not a descriptor");
        }

        if (response.BodyTruncated)
        {
            throw new DescriptorException($"the descriptor at {url} is larger than the {options.MaxDescriptorBytes / 1024.0 / 1024.0:0.#} MiB limit");
        }

        return ConnectDescriptorParser.Parse(response.Body, response.FinalUrl);
    }

    private static async Task<(ICheck, CheckOutcome)> RunCheckAsync(ICheck check, ScanContext context, IProgress<ScanProgress>? progress,
        CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        progress?.Report(new ScanProgress(check.Info.Id, check.Info.Title, false));
        CheckOutcome outcome;
        try
        {
            outcome = await check.RunAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            outcome = ErrorOutcome(check, $"scan time limit of {context.Options.TotalTimeout.TotalSeconds:0} s reached before {check.Info.Id} finished");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // A limit of the check's own (a request or probe timeout) that it let escape: an unverified requirement,
            // never the end of the scan, which only the caller's token (Ctrl-C) or the deadline above may bring.
            outcome = ErrorOutcome(check, $"{check.Info.Id} timed out: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken check must not abort the scan; its requirements become "error", never "pass".
            outcome = ErrorOutcome(check, $"{check.Info.Id} failed: {e.Message}");
        }

        var error = outcome.Verdicts.FirstOrDefault(v => v.Status == RequirementStatus.Error);
        progress?.Report(new ScanProgress(check.Info.Id, check.Info.Title, true, error is null ? null : error.Reason ?? "could not be verified"));
        return (check, outcome);
    }

    private static CheckOutcome ErrorOutcome(ICheck check, string reason) =>
        new([new RequirementVerdict(check.Info.RequirementId, RequirementStatus.Error, reason)], [], []);
}
