using Rampart.Scanning.Reports;
using Rampart.ScanReports;

namespace Rampart.Scanning.Checks.Content;

/// <summary>The verdict both content checks give when they found nothing.</summary>
internal static class ContentVerdict
{
    /// <summary>No finding: a pass only when every module page was opened, else partly verified (manual).</summary>
    internal static CheckOutcome Clean(string requirement, ServedContent content, string summary)
    {
        var refused = content.RefusedPages();
        var unopened = content.UnopenedPages().Except(refused).ToList();
        if (unopened.Count == 0)
        {
            // A page that answers the scan's valid token with 403 is closed to that user by design (an admin page);
            // the reason names it so a reviewer knows it was not read.
            return CheckOutcome.Of(requirement, RequirementStatus.Pass, refused.Count == 0 ? summary
                : $"{summary}; not read: {refused.Count} page(s) refused the scan's valid non-admin token ({Named(refused)})");
        }

        var named = Named(unopened);
        return CheckOutcome.Of(requirement, RequirementStatus.Manual,
            $"{summary}, but {unopened.Count} module page(s) never served content to the scan ({named}); " +
            "pass --shared-secret so pages open with a valid token");
    }

    private static string Named(IReadOnlyList<Uri> pages) =>
        string.Join(", ", pages.Take(5).Select(u => u.AbsolutePath)) + (pages.Count > 5 ? ", …" : string.Empty);
}
