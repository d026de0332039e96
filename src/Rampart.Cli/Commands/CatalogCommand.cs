using Rampart.Catalog;
using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart catalog [--id X]</c>: prints a requirements catalog and which checks verify each requirement.</summary>
public sealed class CatalogCommand(CliConsoles consoles, ScanEngine engine, CatalogRegistry catalogs) : Command<CatalogSettings>
{
    public override int Execute(CommandContext context, CatalogSettings settings, CancellationToken cancellationToken)
    {
        var catalog = engine.SelectCatalog(settings.Id);
        consoles.Out.Write(new Text(RequirementCatalogText.Render(catalog)));
        consoles.Out.Write(new Text($"\nAvailable catalogs: {string.Join(", ", catalogs.All.Select(c => $"{c.Id} (effective {c.Effective:yyyy-MM-dd})"))}\n", new Style(Color.Grey)));
        return ExitCodes.Passed;
    }
}
