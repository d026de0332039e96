using Rampart.Cli.Demo;
using Rampart.Cli.Infrastructure;
using Rampart.Cli.Output;
using Rampart.Scanning.Engine;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart scan URL</c>: scans one Connect app and exits 0 (passed), 1 (a requirement failed), 2 or 3.</summary>
public sealed class ScanCommand(CliConsoles consoles, ScanEngine engine, DemoRunner demo) : AsyncCommand<ScanSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScanSettings settings, CancellationToken cancellationToken)
    {
        var plan = OutputPlan.Create(settings.Formats, settings.Outputs);
        if (settings.Target is null)
        {
            return await demo.RunAsync(null, plan, settings.Catalog, settings.Quiet, keepRunning: false, cancellationToken);
        }

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

        var progress = settings.Quiet ? null : new ProgressPrinter(consoles.Error);
        var report = await engine.ScanConnectAsync(new Uri(settings.Target), options, progress, cancellationToken);
        await ReportEmitter.EmitAsync(report, plan, consoles, cancellationToken);
        return report.HasFailures ? ExitCodes.RequirementFailed : ExitCodes.Passed;
    }
}
