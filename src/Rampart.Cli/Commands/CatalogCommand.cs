using Rampart.Catalog;
using Rampart.Cli.Infrastructure;
using Rampart.Scanning.Engine;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart catalog [--id X]</c>: prints a requirements catalog and which checks verify each requirement.</summary>
internal sealed class CatalogCommand(CliConsoles consoles, ScanEngine engine, CatalogRegistry catalogs) : Command<CatalogSettings>
{
    public override int Execute(CommandContext context, CatalogSettings settings, CancellationToken cancellationToken)
    {
        var catalog = engine.SelectCatalog(settings.Id);
        // Plain text, not console widgets: the catalog is read in terminals and piped into files alike.
        consoles.RawOut.Write(RequirementCatalogText.Render(catalog));
        consoles.RawOut.WriteLine();
        consoles.RawOut.WriteLine($"Available catalogs: {string.Join(", ", catalogs.All.Select(c => $"{c.Id} (effective {c.Effective:yyyy-MM-dd})"))}");
        return ExitCodes.Passed;
    }
}
