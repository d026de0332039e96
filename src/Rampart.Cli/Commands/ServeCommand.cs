using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Rampart.Cli.Infrastructure;
using Rampart.Cli.Store;
using Rampart.Server;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart serve</c>: migrate the database, then run the tracking server until Ctrl-C or SIGTERM.</summary>
internal sealed class ServeCommand(CliConsoles consoles, TimeProvider time) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var interval = settings.EnforcementInterval is { } text && Durations.TryParse(text, out var parsed)
            ? parsed
            : ServerOptions.DefaultEnforcementInterval;
        var store = settings.ToStoreOptions();
        var options = new ServerOptions(settings.Urls, store, interval);
        await using var app = RampartServer.Build(options, time);
        IReadOnlyList<string> addresses;
        try
        {
            addresses = await StoreFailures.GuardAsync(store, () => RampartServer.StartAsync(app, cancellationToken));
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new UsageException($"--urls {settings.Urls}: {e.Message}", e);
        }

        foreach (var address in addresses)
        {
            // Scripts and tests wait for this line to know the port (--urls http://127.0.0.1:0).
            await consoles.RawOut.WriteLineAsync($"rampart serve: listening on {address}");
        }

        await consoles.RawOut.FlushAsync(cancellationToken);
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: a normal way to stop a server.
        }

        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Passed;
    }
}
