using Microsoft.Extensions.DependencyInjection;
using Rampart.Cli.Infrastructure;
using Rampart.Cli.Store;
using Rampart.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart tokens list</c>: every token's id, role, scope and state; never a token or its hash.</summary>
internal sealed class TokensListCommand(CliConsoles consoles, TimeProvider time) : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await TrackingStore.OpenAsync(settings.ToStoreOptions(), time, cancellationToken);
        var tokens = await store.Services.GetRequiredService<TokenService>().ListAsync(TrackingStore.Operator, cancellationToken);
        var table = new Table().AddColumns("id", "name", "role", "partner", "created", "expires", "state");
        var now = time.GetUtcNow();
        foreach (var token in tokens)
        {
            var state = token.RevokedAt is not null ? "revoked" : token.ExpiresAt <= now ? "expired" : "active";
            table.AddRow(
                Markup.Escape(token.Id.ToString()),
                Markup.Escape(token.Name ?? ""),
                Markup.Escape(RoleNames.ToWire(token.Role)),
                Markup.Escape(token.PartnerId?.ToString() ?? ""),
                Markup.Escape($"{token.CreatedAt:yyyy-MM-dd HH:mm}"),
                Markup.Escape($"{token.ExpiresAt:yyyy-MM-dd HH:mm}"),
                state);
        }

        consoles.Out.Write(table);
        return ExitCodes.Passed;
    }
}
