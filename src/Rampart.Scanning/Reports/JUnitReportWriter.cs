using System.Globalization;
using System.Text;
using System.Xml;
using Rampart.Catalog;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>
/// JUnit XML for CI: one test suite per scan, one test case per requirement. A failed requirement is a failure, an
/// unverified one an error, and manual or not-applicable requirements are skipped; a guideline not met passes with a
/// note (guidelines are advisory), so a CI run goes red exactly when the scan's exit code would.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    public string Format => "junit";

    public string FileExtension => ".xml";

    public async Task WriteAsync(ScanReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // Built in memory so that a caller's stream (an HTTP response, say) only ever sees asynchronous writes.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            Write(xml, report);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static void Write(XmlWriter xml, ScanReport report)
    {
        var summary = ReportSummary.Of(report);
        var time = Seconds(report);

        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        Attribute(xml, "name", "rampart");
        Attribute(xml, "tests", Number(summary.Total));
        Attribute(xml, "failures", Number(summary.Failed));
        Attribute(xml, "errors", Number(summary.Errors));
        Attribute(xml, "time", time);

        xml.WriteStartElement("testsuite");
        Attribute(xml, "name", $"rampart:{report.App.Key}");
        Attribute(xml, "tests", Number(summary.Total));
        Attribute(xml, "failures", Number(summary.Failed));
        Attribute(xml, "errors", Number(summary.Errors));
        Attribute(xml, "skipped", Number(summary.Manual + summary.NotApplicable));
        Attribute(xml, "time", time);
        Attribute(xml, "timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        WriteProperties(xml, report, summary);
        var findings = report.Findings.ToLookup(f => f.RequirementId, StringComparer.Ordinal);
        foreach (var requirement in report.Requirements)
        {
            WriteTestCase(xml, requirement, findings[requirement.Id].ToList());
        }

        var notes = SuiteNotes(report);
        if (notes.Length > 0)
        {
            Element(xml, "system-out", notes);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteProperties(XmlWriter xml, ScanReport report, ReportSummary summary)
    {
        xml.WriteStartElement("properties");
        Property(xml, "rampart.version", report.Tool.Version);
        Property(xml, "rampart.verdict", summary.Verdict);
        Property(xml, "app.kind", report.App.Kind);
        Property(xml, "app.key", report.App.Key);
        Property(xml, "app.name", report.App.Name);
        Property(xml, "app.baseUrl", report.App.BaseUrl);
        Property(xml, "app.descriptorUrl", report.App.DescriptorUrl);
        Property(xml, "catalog.id", report.Catalog.Id);
        Property(xml, "catalog.effective", ReportText.Date(report.Catalog.Effective));
        xml.WriteEndElement();
    }

    private static void WriteTestCase(XmlWriter xml, RequirementResult requirement, IReadOnlyList<Finding> findings)
    {
        xml.WriteStartElement("testcase");
        Attribute(xml, "classname", $"requirement.{requirement.Id}");
        Attribute(xml, "name", $"{requirement.Id} {requirement.Title}");

        var blocking = findings.Where(f => !f.Advisory).ToList();
        switch (requirement.Status)
        {
            case RequirementStatus.Fail when requirement.Guideline:
                // A guideline is advisory: not met, it is still no failure (the scan passes, exit code 0); it is said below.
                break;
            case RequirementStatus.Fail:
                xml.WriteStartElement("failure");
                Attribute(xml, "message", FailureMessage(requirement, blocking));
                Attribute(xml, "type", blocking.Count > 0 ? blocking.Max(f => f.Severity).ToId() : "fail");
                Text(xml, Join(requirement.Reason, Describe(blocking)));
                xml.WriteEndElement();
                break;
            case RequirementStatus.Error:
                xml.WriteStartElement("error");
                Attribute(xml, "message", requirement.Reason ?? "The requirement could not be verified.");
                Attribute(xml, "type", "verification-error");
                Text(xml, Join(requirement.Reason, Describe(blocking)));
                xml.WriteEndElement();
                break;
            case RequirementStatus.Manual:
                Skipped(xml, "manual", requirement.Reason ?? "needs a reviewer's attestation");
                break;
            case RequirementStatus.NotApplicable:
                Skipped(xml, "not applicable", requirement.Reason ?? "does not apply to this app");
                break;
        }

        var advisories = findings.Where(f => f.Advisory).ToList();
        var notes = new List<string>();
        if (requirement.Status == RequirementStatus.Fail && requirement.Guideline)
        {
            notes.Add(Join("Guideline not met (advisory: it never fails a scan).", requirement.Reason, separator: " "));
        }

        if (advisories.Count > 0)
        {
            notes.Add("Advisory findings (they never fail a requirement):\n\n" + Describe(advisories));
        }

        if (notes.Count > 0)
        {
            Element(xml, "system-out", string.Join("\n\n", notes));
        }

        xml.WriteEndElement();
    }

    private static void Skipped(XmlWriter xml, string status, string reason)
    {
        xml.WriteStartElement("skipped");
        Attribute(xml, "message", $"{status}: {reason}");
        xml.WriteEndElement();
    }

    private static string FailureMessage(RequirementResult requirement, IReadOnlyList<Finding> findings)
    {
        var count = findings.Count switch
        {
            0 => null,
            1 => $"1 finding: {findings[0].Title}",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} findings, the most severe {findings.Max(f => f.Severity).ToId()}"),
        };
        return Join(requirement.Reason, count, separator: "; ") is { Length: > 0 } message ? message : "The requirement is not met.";
    }

    private static string Describe(IEnumerable<Finding> findings) => string.Join("\n\n", findings.Select(f =>
    {
        var text = new StringBuilder()
            .Append('[').Append(f.Severity.ToId()).Append("] ").Append(f.CheckId).Append(' ').Append(f.Title).Append('\n')
            .Append("Location: ").Append(f.Location).Append('\n')
            .Append("Fingerprint: ").Append(f.Fingerprint).Append('\n')
            .Append("Evidence:\n").Append(f.Evidence);
        if (!string.IsNullOrWhiteSpace(f.Remediation))
        {
            text.Append("\nRemediation: ").Append(f.Remediation);
        }

        return text.ToString();
    }));

    private static string SuiteNotes(ScanReport report)
    {
        var text = new StringBuilder();

        // A finding for a requirement the report does not list has no test case to sit in; it must still be seen.
        var listed = report.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unlisted = report.Findings.Where(f => !listed.Contains(f.RequirementId)).ToList();
        if (unlisted.Count > 0)
        {
            text.Append("Findings for requirements not listed in this report:\n\n").Append(Describe(unlisted)).Append("\n\n");
        }

        if (report.Skipped.Count > 0)
        {
            text.Append("Probes not sent:\n");
            foreach (var probe in report.Skipped)
            {
                text.Append("- ").Append(probe.CheckId).Append(' ').Append(probe.Location).Append(": ").Append(probe.Reason).Append('\n');
            }
        }

        if (report.Upcoming.Count > 0)
        {
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append("Upcoming requirements:\n");
            foreach (var upcoming in report.Upcoming)
            {
                text.Append("- ").Append(upcoming.RequirementId).Append(' ').Append(upcoming.Title)
                    .Append(" (catalog ").Append(upcoming.CatalogId).Append(", in effect from ")
                    .Append(ReportText.Date(upcoming.Effective)).Append(")\n");
            }
        }

        return text.ToString();
    }

    private static string Join(string? first, string? second, string separator = "\n\n") =>
        string.Join(separator, new[] { first, second }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static void Property(XmlWriter xml, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("property");
        Attribute(xml, "name", name);
        Attribute(xml, "value", value);
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name);
        Text(xml, text);
        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, string value) => xml.WriteAttributeString(name, Clean(value));

    private static void Text(XmlWriter xml, string text) => xml.WriteString(Clean(text));

    /// <summary>CI systems print these values to logs and terminals, so display hygiene applies on top of what XML needs.</summary>
    private static string Clean(string value) => ReportText.ForXml(ReportText.ForDisplay(value));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(ScanReport report) =>
        Math.Max(0, (report.FinishedAt - report.StartedAt).TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
}
