using Rampart.ScanReports;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>
/// Whether a report is of the app it was uploaded for, judged on what the app's registration holds: the same kind, and
/// for Connect and Power-Up apps the same key and a descriptor URL of the registered descriptor URL's origin, for Forge
/// apps the manifest app id registered for it. The server never holds a Forge bundle, so no bundle hash is compared.
/// </summary>
internal static class IngestBinding
{
    /// <summary>Throws a 422 <see cref="ReportRejectedException"/> naming the first field that does not match.</summary>
    public static void ThrowIfNotOf(ScanReport report, IngestSnapshot app)
    {
        if (!string.Equals(report.App.Kind, app.Kind, StringComparison.Ordinal))
        {
            throw ReportRejectedException.Mismatch("app.kind", $"'{app.Kind}'", $"'{report.App.Kind}'");
        }

        if (ReportValidation.IsForge(app.Kind))
        {
            if (app.ForgeAppId is null)
            {
                throw ReportRejectedException.Mismatch("app.key", $"the Forge app id registered for '{app.AppKey}' (none is; register the app with forgeAppId)", $"'{report.App.Key}'");
            }

            if (!string.Equals(report.App.Key, app.ForgeAppId, StringComparison.Ordinal))
            {
                throw ReportRejectedException.Mismatch("app.key", $"'{app.ForgeAppId}'", $"'{report.App.Key}'");
            }

            return;
        }

        if (!string.Equals(report.App.Key, app.AppKey, StringComparison.Ordinal))
        {
            throw ReportRejectedException.Mismatch("app.key", $"'{app.AppKey}'", $"'{report.App.Key}'");
        }

        var expected = Origin(app.DescriptorUrl)
            ?? throw ReportRejectedException.Mismatch("app.descriptorUrl", $"the descriptor URL registered for '{app.AppKey}' (none is; register the app with descriptorUrl)",
                report.App.DescriptorUrl is null ? "none" : $"'{report.App.DescriptorUrl}'");
        var got = Origin(report.App.DescriptorUrl);
        if (!string.Equals(expected, got, StringComparison.Ordinal))
        {
            throw ReportRejectedException.Mismatch("app.descriptorUrl", $"origin {expected}", got is null ? $"'{report.App.DescriptorUrl ?? "null"}'" : $"origin {got}");
        }
    }

    /// <summary>scheme://host[:port], lower-case, default port left out; null when not an absolute http(s) URL.</summary>
    internal static string? Origin(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
