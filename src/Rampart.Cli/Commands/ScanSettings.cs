using System.Globalization;
using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using Rampart.Forge;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Rampart.Cli.Commands;

internal sealed class ScanSettings : ReportSettings
{
    // Required: a CI job whose target variable is unset must fail, not quietly scan something else ('rampart demo' is
    // the demo). The null default only satisfies the compiler; the parser refuses a missing argument.
    [CommandArgument(0, "<TARGET>")]
    [Description("URL of a Connect app's atlassian-connect.json, or a Forge app directory or .zip (with manifest.yml). The built-in demo apps are 'rampart demo'.")]
    public string Target { get; init; } = null!;

    [CommandOption("--allow-incomplete")]
    [Description("Exit 0, not 4, when no requirement failed but some could not be verified (status error).")]
    public bool AllowIncomplete { get; init; }

    [CommandOption("--allow-private-network")]
    [Description("Allow loopback, private and link-local addresses (refused by default: a descriptor must not make Rampart probe your network).")]
    public bool AllowPrivateNetwork { get; init; }

    [CommandOption("--allow-state-changing")]
    [Description("Send probes that may change the app's state: a forged signed install, POSTs to webhooks. Use against a test deployment.")]
    public bool AllowStateChanging { get; init; }

    [CommandOption("--trust-ca <FILE>")]
    [Description("Also trust this CA certificate (PEM), e.g. a staging CA. Repeatable.")]
    public string[] TrustCa { get; init; } = [];

    [CommandOption("--shared-secret <SECRET>")]
    [Description("A test installation's sharedSecret; enables differential JWT validation. Or set RAMPART_SHARED_SECRET.")]
    public string? SharedSecret { get; init; }

    [CommandOption("--client-key <KEY>")]
    [Description("The test installation's clientKey (with --shared-secret). Or set RAMPART_CLIENT_KEY.")]
    public string? ClientKey { get; init; }

    [CommandOption("--user-jwt <JWT>")]
    [Description("A non-admin user's Connect JWT; enables the admin-endpoint authorization check. Or set RAMPART_USER_JWT.")]
    public string? UserJwt { get; init; }

    [CommandOption("--dns-server <IP:PORT>")]
    [Description("Resolve every name of the scan through this DNS server (e.g. 10.0.0.2:53 or [[::1]]:5353). Default: the system's resolvers.")]
    public string? DnsServer { get; init; }

    // Numbers are bound as text and parsed in Validate: the command-line library's own conversion error
    // ("Failed to convert 'soon' to Double.") names neither the option nor what it expects.
    [CommandOption("--timeout <SECONDS>")]
    [Description("Per-request time limit. Default 15.")]
    public string TimeoutSeconds { get; init; } = "15";

    [CommandOption("--max-time <SECONDS>")]
    [Description("Time limit for the whole scan. Default 300.")]
    public string MaxTimeSeconds { get; init; } = "300";

    public double Timeout => Seconds(TimeoutSeconds) ?? 15;

    public double MaxTime => Seconds(MaxTimeSeconds) ?? 300;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Target))
        {
            return ValidationResult.Error("TARGET is empty: give the URL of an atlassian-connect.json or a Forge app directory or .zip (is the variable that should hold it unset?)");
        }

        if (!ForgeScanner.LooksLikeForgeApp(Target)
            && (!Uri.TryCreate(Target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            return ValidationResult.Error($"TARGET: '{Target}' is neither an http(s) URL of an atlassian-connect.json descriptor nor a Forge app directory or .zip");
        }

        if (Seconds(TimeoutSeconds) is not (> 0 and <= 600))
        {
            return ValidationResult.Error($"--timeout: '{TimeoutSeconds}' is not a number of seconds between 0 and 600");
        }

        if (Seconds(MaxTimeSeconds) is not (> 0 and <= 86_400))
        {
            return ValidationResult.Error($"--max-time: '{MaxTimeSeconds}' is not a number of seconds between 0 and 86400");
        }

        if (DnsServer is not null && ParseDnsServer(DnsServer) is null)
        {
            return ValidationResult.Error($"--dns-server: '{DnsServer}' is not IP:PORT (an IPv4 address or a bracketed IPv6 address, and a port 1-65535)");
        }

        return ValidationResult.Success();
    }

    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) ? seconds : null;

    /// <summary>The endpoint of <c>--dns-server</c>, or null when it is not an IP address with an explicit port.</summary>
    public static IPEndPoint? ParseDnsServer(string text)
    {
        // A name would need a resolver to find the resolver; a missing port is ambiguous (53? 5353?), so both are refused.
        return IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port is > 0 and <= 65535
            && text.LastIndexOf(':') > text.LastIndexOf(']')
            && (endpoint.AddressFamily is AddressFamily.InterNetwork || text.StartsWith('['))
                ? endpoint
                : null;
    }
}
