using Rampart.Cli.Infrastructure;
using Rampart.Cli.Output;
using Rampart.DemoApps;
using Rampart.Scanning.Engine;
using Rampart.Scanning.Reports;
using Rampart.ScanReports;
using Spectre.Console;

namespace Rampart.Cli.Demo;

/// <summary>
/// <c>rampart demo</c>: starts the built-in, deliberately flawed Connect apps on loopback with a CA made for the
/// run, and scans them with every probe enabled, so a newcomer sees real findings without any network.
/// </summary>
internal sealed class DemoRunner(CliConsoles consoles, ScanEngine engine, TimeProvider time)
{
    public async Task<int> RunAsync(IReadOnlyList<string>? appNames, OutputPlan plan, string? catalog, bool quiet, bool keepRunning, CancellationToken cancellationToken)
    {
        var selected = Select(appNames);
        if (selected.Count > 1 && plan.MachineOnStdout)
        {
            throw new UsageException("several demo apps cannot share standard output: give --output FILE (the app key is added to its name) or pick one with --app");
        }

        using var authority = DemoCertificateAuthority.Create(time);

        // A private directory with an unpredictable name (mode 0700 on Unix): a predictable /tmp path would let another
        // local user plant their own CA there first, or swap it while the scans run.
        var caDirectory = Directory.CreateTempSubdirectory("rampart-demo-");
        var caFile = Path.Combine(caDirectory.FullName, "demo-ca.pem");
        authority.WriteCertificatePem(caFile);
        var apps = new List<DemoApp>();
        try
        {
            foreach (var options in selected)
            {
                apps.Add(await DemoApp.StartAsync(options, authority, time, cancellationToken));
            }

            if (!quiet)
            {
                consoles.Error.Write(new Text($"Started {apps.Count} demo app(s) on loopback; scanning with --allow-private-network --allow-state-changing --trust-ca {caFile}\n"));
            }

            var reports = await Task.WhenAll(apps.Select(app => ScanAsync(app, caFile, catalog, quiet, cancellationToken)));
            for (var i = 0; i < apps.Count; i++)
            {
                await ReportEmitter.EmitAsync(reports[i], PerApp(plan, apps[i].Options.Key, apps.Count), consoles, quiet, cancellationToken);
            }

            if (!quiet)
            {
                WriteSummary(apps, reports);
            }

            if (keepRunning)
            {
                // Printed even with -q: without it the running apps cannot be found.
                WriteKeepRunningHelp(apps, caFile);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return ExitCodes.Passed;
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }

            caDirectory.Delete(recursive: true);
        }
    }

    private Task<ScanReport> ScanAsync(DemoApp app, string caFile, string? catalog, bool quiet, CancellationToken cancellationToken)
    {
        var options = new ScanOptions
        {
            AllowPrivateNetwork = true,
            AllowStateChanging = true,
            TrustedCaFiles = [caFile],
            SharedSecret = app.SharedSecret,
            ClientKey = app.ClientKey,
            UserJwt = app.CreateContextJwt(app.UserAccountId),
            CatalogId = catalog,
            // The DNS-flaw apps answer their own names; the others are on IP literals and have no DNS.
            DnsServer = app.DnsServer,
        };
        var progress = quiet ? null : new ProgressPrinter(consoles.Error, time, $"{app.Options.Key}: ");
        return engine.ScanConnectAsync(app.DescriptorUrl, options, progress, cancellationToken);
    }

    private static List<DemoAppOptions> Select(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return [.. DemoFleet.Standard];
        }

        var known = DemoFleet.Standard.ToDictionary(a => a.Key, StringComparer.OrdinalIgnoreCase);
        return names.Select(n => known.TryGetValue(n, out var app)
            ? app
            : throw new UsageException($"--app: no demo app '{n}'; available: {string.Join(", ", known.Keys)}")).ToList();
    }

    private static OutputPlan PerApp(OutputPlan plan, string appKey, int appCount) => appCount == 1
        ? plan
        : new OutputPlan(plan.Targets.Select(t => t.Path is null ? t : t with
        {
            Path = Path.Combine(Path.GetDirectoryName(t.Path) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(t.Path)}.{appKey}{Path.GetExtension(t.Path)}"),
        }).ToList());

    private void WriteSummary(IReadOnlyList<DemoApp> apps, IReadOnlyList<ScanReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Demo summary")
            .AddColumn("App").AddColumn("Deliberate flaws").AddColumn("Failed").AddColumn("Could not verify").AddColumn("Findings");
        for (var i = 0; i < apps.Count; i++)
        {
            var failed = reports[i].Requirements.Where(r => r.Status == RequirementStatus.Fail && !r.Guideline).Select(r => r.Id);
            table.AddRow(
                new Text(apps[i].Options.Key),
                new Text(apps[i].Options.Flaws == DemoFlaws.None ? "none" : apps[i].Options.Flaws.ToString()),
                new Text(string.Join(", ", failed) is { Length: > 0 } f ? f : "none"),
                new Text(string.Join(", ", reports[i].Requirements.Where(r => r.Status == RequirementStatus.Error).Select(r => r.Id)) is { Length: > 0 } e ? e : "-"),
                new Text(reports[i].Findings.Count(x => !x.Advisory).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        consoles.Error.Write(table);
    }

    private void WriteKeepRunningHelp(IReadOnlyList<DemoApp> apps, string caFile)
    {
        consoles.Error.Write(new Text("\nThe demo apps keep running until Ctrl-C. Scan one yourself:\n"));
        foreach (var app in apps)
        {
            var dns = app.DnsServer is { } server ? $" --dns-server {server}" : string.Empty;
            consoles.Error.Write(new Text($"  ./rampart scan {app.DescriptorUrl} --allow-private-network --trust-ca {caFile}{dns}\n"));
        }
    }
}
