using Microsoft.Extensions.DependencyInjection;
using Rampart.Cli.Infrastructure;
using Rampart.Cli.Store;
using Rampart.Tracking;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart tokens create</c>: prints the new token alone on its last line (it is shown only this once).</summary>
internal sealed class TokensCreateCommand(CliConsoles consoles, TimeProvider time) : AsyncCommand<TokensCreateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TokensCreateSettings settings, CancellationToken cancellationToken)
    {
        RoleNames.TryParse(settings.Role!, out var role);
        Durations.TryParse(settings.Expires, out var lifetime);
        await using var store = await TrackingStore.OpenAsync(settings.ToStoreOptions(), time, cancellationToken);
        var tokens = store.Services.GetRequiredService<TokenService>();
        var created = await tokens.CreateAsync(TrackingStore.Operator, role, settings.Partner, lifetime, settings.Name, settings.App, cancellationToken);
        var scope = settings.Partner is { } partner ? $", partner {partner}" : settings.App is { } app ? $", app {app}" : "";
        await consoles.RawOut.WriteLineAsync($"Created {RoleNames.ToWire(role)} token {created.Id}{scope}, expires {created.ExpiresAt:yyyy-MM-dd HH:mm}Z.");
        await consoles.RawOut.WriteLineAsync("It is shown only now (the server keeps a hash): store it in your secret manager.");
        await consoles.RawOut.WriteLineAsync(created.Token);
        await consoles.RawOut.FlushAsync(cancellationToken);
        return ExitCodes.Passed;
    }
}
