using Rampart.Cli.Infrastructure;
using Rampart.Cli.Output;
using Rampart.Forge;
using Spectre.Console;
using Rampart.Scanning.Engine;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart scan URL|DIR|ZIP</c>: scans one Connect app (by descriptor URL) or one Forge app (static analysis of a
/// directory or .zip) and exits 0 (passed), 1 (a requirement failed), 4 (a requirement could not be verified), 2 or 3.
/// </summary>
internal sealed class ScanCommand(CliConsoles consoles, ScanEngine engine, ForgeScanner forge, TimeProvider time) : AsyncCommand<ScanSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScanSettings settings, CancellationToken cancellationToken)
    {
        var plan = OutputPlan.Create(settings.Formats, settings.Outputs);
        try
        {
            return ForgeScanner.LooksLikeForgeApp(settings.Target)
                ? await ScanForgeAsync(settings, plan, cancellationToken)
                : await ScanConnectAsync(settings, plan, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Exit 130 says "interrupted"; a cancellation nobody asked for is a time limit that escaped its handler,
            // a bug to report, never an interrupt a CI job would take for a cancelled run.
            throw new CliException(ExitCodes.InternalError, "internal error", $"the scan was cancelled without an interrupt: {e.Message}", e);
        }
    }

    private async Task<int> ScanConnectAsync(ScanSettings settings, OutputPlan plan, CancellationToken cancellationToken)
    {

        var options = new ScanOptions
        {
            AllowPrivateNetwork = settings.AllowPrivateNetwork,
            AllowStateChanging = settings.AllowStateChanging,
            TrustedCaFiles = settings.TrustCa,
            SharedSecret = settings.SharedSecret ?? Environment.GetEnvironmentVariable("RAMPART_SHARED_SECRET"),
            ClientKey = settings.ClientKey ?? Environment.GetEnvironmentVariable("RAMPART_CLIENT_KEY"),
            UserJwt = settings.UserJwt ?? Environment.GetEnvironmentVariable("RAMPART_USER_JWT"),
            CatalogId = settings.Catalog,
            RequestTimeout = TimeSpan.FromSeconds(settings.Timeout),
            TotalTimeout = TimeSpan.FromSeconds(settings.MaxTime),
            DnsServer = settings.DnsServer is null ? null : ScanSettings.ParseDnsServer(settings.DnsServer),
        };
        if (string.IsNullOrEmpty(options.SharedSecret) != string.IsNullOrEmpty(options.ClientKey))
        {
            throw new UsageException("--shared-secret and --client-key go together: give both or neither");
        }

        var progress = settings.Quiet ? null : new ProgressPrinter(consoles.Error, time);
        var report = await engine.ScanConnectAsync(new Uri(settings.Target), options, progress, cancellationToken);
        await ReportEmitter.EmitAsync(report, plan, consoles, settings.Quiet, cancellationToken);
        return ScanExitCode.For(report, settings.AllowIncomplete);
    }

    private async Task<int> ScanForgeAsync(ScanSettings settings, OutputPlan plan, CancellationToken cancellationToken)
    {
        // These options steer probes of a live Connect app; silently ignoring them would mislead.
        if (settings.SharedSecret is not null || settings.ClientKey is not null || settings.UserJwt is not null || settings.AllowStateChanging
            || settings.TrustCa.Length > 0 || settings.DnsServer is not null)
        {
            throw new UsageException("--shared-secret, --client-key, --user-jwt, --allow-state-changing, --trust-ca and --dns-server apply to Connect scans, not to a Forge app");
        }

        if (!settings.Quiet)
        {
            consoles.Error.MarkupLineInterpolated($"[grey]Analysing Forge app {settings.Target}[/]");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.MaxTime));
        Rampart.ScanReports.ScanReport report;
        try
        {
            report = await forge.ScanAsync(settings.Target, new ForgeScanOptions { CatalogId = settings.Catalog }, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ForgeInputException($"{settings.Target}: the analysis did not finish within --max-time {settings.MaxTime:0} s");
        }

        await ReportEmitter.EmitAsync(report, plan, consoles, settings.Quiet, cancellationToken);
        return ScanExitCode.For(report, settings.AllowIncomplete);
    }
}
