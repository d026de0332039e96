using Microsoft.Extensions.DependencyInjection;
using Rampart.Catalog;
using Rampart.Cli.Commands;
using Rampart.Cli.Demo;
using Rampart.Cli.Infrastructure;
using Rampart.Forge;
using Rampart.Scanning.Engine;
using Spectre.Console.Cli;

namespace Rampart.Cli;

/// <summary>Builds the command-line application; tests run it with captured consoles and a fake clock.</summary>
internal static class RampartApp
{
    public static CommandApp Create(CliConsoles consoles, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(consoles);
        services.AddSingleton(time);
        services.AddSingleton(CatalogRegistry.Embedded);
        services.AddSingleton(sp => new ScanEngine(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CatalogRegistry>()));
        services.AddSingleton(sp => new ForgeScanner(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CatalogRegistry>()));
        services.AddSingleton<DemoRunner>();

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("rampart");
            config.UseStrictParsing();
            config.ConfigureConsole(consoles.Out);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetApplicationVersion(ScanEngine.Tool.Version);
            config.SetExceptionHandler((exception, _) => ErrorReporter.Handle(exception, consoles.Error, Environment.GetEnvironmentVariable("RAMPART_DEBUG") == "1"));
            config.AddCommand<ScanCommand>("scan")
                .WithDescription("Scan a Connect app (its atlassian-connect.json URL) or a Forge app (a directory or .zip with manifest.yml) against the security requirements.")
                .WithExample("scan", "https://app.example.com/atlassian-connect.json")
                .WithExample("scan", "./my-forge-app", "-f", "sarif", "-o", "rampart.sarif")
                .WithExample("scan", "https://app.example.com/atlassian-connect.json", "-f", "sarif", "-o", "rampart.sarif", "-f", "junit", "-o", "rampart.xml")
                .WithExample("scan", "https://staging.example.com/atlassian-connect.json", "--trust-ca", "staging-ca.pem", "--allow-state-changing");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Start the built-in, deliberately flawed demo apps on loopback and scan them.")
                .WithExample("demo");
            config.AddCommand<CatalogCommand>("catalog")
                .WithDescription("Print a requirements catalog.")
                .WithExample("catalog", "--id", "2022");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Run the tracking server: REST API for partners, apps, report ingest, tickets and audit (SQLite by default).")
                .WithExample("serve", "--urls", "http://127.0.0.1:8080", "--data-dir", "rampart-data")
                .WithExample("serve", "--database", "postgres", "--connection", "Host=127.0.0.1;Database=rampart;Username=rampart;Password=secret");
            config.AddBranch("tokens", tokens =>
            {
                tokens.SetDescription("Create, list and revoke API tokens of the tracking server (works on the database directly).");
                tokens.AddCommand<TokensCreateCommand>("create")
                    .WithDescription("Create a token; it is printed alone on the last line, only this once.")
                    .WithExample("tokens", "create", "--role", "security-admin", "--name", "bootstrap")
                    .WithExample("tokens", "create", "--role", "partner", "--partner", "3f1c0d2e-0000-4000-8000-000000000001", "--expires", "30d");
                tokens.AddCommand<TokensListCommand>("list")
                    .WithDescription("List tokens: id, role, partner, expiry, state and name (never the token); plain columns when piped, or --format json.")
                    .WithExample("tokens", "list", "--format", "json");
                tokens.AddCommand<TokensRevokeCommand>("revoke")
                    .WithDescription("Revoke a token by id.");
            });
        });
        return app;
    }
}
