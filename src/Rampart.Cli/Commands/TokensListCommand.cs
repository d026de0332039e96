using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Cli.Infrastructure;
using Rampart.Cli.Store;
using Rampart.Scanning.Reports;
using Rampart.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart tokens list</c>: every token's id, role, scope and state; never a token or its hash. A table on a
/// terminal; plain columns when the output is piped or redirected (a table wraps to the width it guesses and breaks
/// ids a script would copy); JSON with <c>--format json</c>.
/// </summary>
internal sealed class TokensListCommand(CliConsoles consoles, TimeProvider time) : AsyncCommand<TokensListSettings>
{
    // The free-text name goes last and dates have no spaces, so every field before the name splits on whitespace.
    private static readonly string[] Columns = ["id", "role", "partner", "created", "expires", "state", "name"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public override async Task<int> ExecuteAsync(CommandContext context, TokensListSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await TrackingStore.OpenAsync(settings.ToStoreOptions(), time, cancellationToken);
        var tokens = await store.Services.GetRequiredService<TokenService>().ListAsync(TrackingStore.Operator, cancellationToken);
        var now = time.GetUtcNow();
        var rows = tokens.Select(t => new TokenRow(
            t.Id,
            t.Name,
            RoleNames.ToWire(t.Role),
            t.PartnerId,
            t.CreatedAt,
            t.ExpiresAt,
            t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= now ? "expired" : "active")).ToList();

        if (settings.Json)
        {
            await consoles.RawOut.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions).AsMemory(), cancellationToken);
        }
        else if (consoles.OutIsTerminal)
        {
            WriteTable(rows);
        }
        else
        {
            await WriteColumnsAsync(rows, cancellationToken);
        }

        await consoles.RawOut.FlushAsync(cancellationToken);
        return ExitCodes.Passed;
    }

    private void WriteTable(IReadOnlyList<TokenRow> rows)
    {
        var table = new Table().AddColumns(Columns);
        foreach (var row in rows)
        {
            table.AddRow(Cells(row).Select(c => new Text(c)).ToArray());
        }

        consoles.Out.Write(table);
    }

    /// <summary>Columns padded with spaces, one token a line, never wrapped: <c>awk '{print $1}'</c> gets the ids.</summary>
    private async Task WriteColumnsAsync(IReadOnlyList<TokenRow> rows, CancellationToken cancellationToken)
    {
        var lines = new List<string[]> { Columns };
        lines.AddRange(rows.Select(Cells));
        var widths = Enumerable.Range(0, Columns.Length).Select(i => lines.Max(l => l[i].Length)).ToArray();
        foreach (var line in lines)
        {
            var text = string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();
            await consoles.RawOut.WriteLineAsync(text.AsMemory(), cancellationToken);
        }
    }

    private static string[] Cells(TokenRow row) =>
    [
        row.Id.ToString(),
        row.Role,
        row.Partner?.ToString() ?? "-",
        Minute(row.Created),
        Minute(row.Expires),
        row.State,
        row.Name is { Length: > 0 } name ? ReportText.ForLine(name) : "-",
    ];

    private static string Minute(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>One token as listed (and as <c>--format json</c> writes it): never the secret, never its hash.</summary>
    private sealed record TokenRow(Guid Id, string? Name, string Role, Guid? Partner, DateTimeOffset Created, DateTimeOffset Expires, string State);
}
