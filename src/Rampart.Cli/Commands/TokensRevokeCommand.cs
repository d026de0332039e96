using Microsoft.Extensions.DependencyInjection;
using Rampart.Cli.Infrastructure;
using Rampart.Cli.Store;
using Rampart.Tracking;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart tokens revoke ID</c>: the token is refused from the next request on.</summary>
internal sealed class TokensRevokeCommand(CliConsoles consoles, TimeProvider time) : AsyncCommand<TokensRevokeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TokensRevokeSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await TrackingStore.OpenAsync(settings.ToStoreOptions(), time, cancellationToken);
        await store.Services.GetRequiredService<TokenService>().RevokeAsync(TrackingStore.Operator, settings.Id, cancellationToken);
        await consoles.RawOut.WriteLineAsync($"Revoked token {settings.Id}.");
        return ExitCodes.Passed;
    }
}
