using System.ComponentModel;
using Rampart.Tracking;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

internal sealed class TokensCreateSettings : StoreSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("security-admin, security-analyst, partner, auditor or ingest.")]
    public string? Role { get; init; }

    // Bound as text so a malformed id gets an error naming the option, not the library's "Failed to convert".
    [CommandOption("--partner <ID>")]
    [Description("The partner id a partner token is scoped to (required for --role partner); for --role ingest, the partner whose apps alone it may upload reports for.")]
    public string? PartnerText { get; init; }

    public Guid? Partner => Guid.TryParse(PartnerText, out var id) ? id : null;

    [CommandOption("--app <KEY>")]
    [Description("For --role ingest: the one app (its key) the token may upload reports for.")]
    public string? App { get; init; }

    [CommandOption("--expires <DURATION>")]
    [Description("Lifetime, e.g. 90d, 12h, 30m. Default: 90d.")]
    public string Expires { get; init; } = "90d";

    [CommandOption("--name <NAME>")]
    [Description("A label to recognise the token by in 'tokens list' (e.g. the CI job that uses it).")]
    public string? Name { get; init; }

    public override ValidationResult Validate()
    {
        var store = base.Validate();
        if (!store.Successful)
        {
            return store;
        }

        if (Role is null)
        {
            return ValidationResult.Error("--role is required: security-admin, security-analyst, partner, auditor or ingest.");
        }

        if (!RoleNames.TryParse(Role, out var role) || role == Rampart.Tracking.Role.System)
        {
            return ValidationResult.Error($"--role '{Role}' is not one of security-admin, security-analyst, partner, auditor, ingest.");
        }

        if (PartnerText is not null && Partner is null)
        {
            return ValidationResult.Error($"--partner: '{PartnerText}' is not a partner id (a GUID as POST /api/partners returns it)");
        }

        if (role == Rampart.Tracking.Role.Partner && Partner is null)
        {
            return ValidationResult.Error("--role partner needs --partner <ID> (the partner's id from POST /api/partners).");
        }

        if (role is not (Rampart.Tracking.Role.Partner or Rampart.Tracking.Role.Ingest) && Partner is not null)
        {
            return ValidationResult.Error($"--partner applies to partner and ingest tokens only, not to {Role}.");
        }

        if (App is not null && role != Rampart.Tracking.Role.Ingest)
        {
            return ValidationResult.Error($"--app applies to ingest tokens only, not to {Role}.");
        }

        if (App is not null && Partner is not null)
        {
            return ValidationResult.Error("--partner and --app: give one; an app-scoped token is already limited to the app's partner.");
        }

        return Durations.TryParse(Expires, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--expires '{Expires}' is not a duration like 90d, 12h or 30m.");
    }
}
