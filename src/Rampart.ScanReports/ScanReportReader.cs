using System.Security.Cryptography;
using System.Text.Json;

namespace Rampart.ScanReports;

/// <summary>
/// The one strict reader of the ScanReport contract: reads the body once against <see cref="MaxBytes"/>, parses it
/// with the contract's serializer settings and checks the rules the type system cannot (schema version, field
/// lengths). Every error names the JSON path and, for syntax and type errors, the line.
/// </summary>
public static class ScanReportReader
{
    /// <summary>The largest report accepted, in bytes: a large app's report with evidence stays well below this.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="json"/> and parses it.</summary>
    public static async Task<ScanReportBody> ReadAsync(Stream json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = await ReadBoundedAsync(json, cancellationToken).ConfigureAwait(false);
        return new ScanReportBody(Parse(bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Parses one report held in memory (at most <see cref="MaxBytes"/>).</summary>
    public static ScanReport Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw TooLarge();
        }

        if (bytes.IsEmpty)
        {
            throw new ScanReportFormatException(ScanReportProblem.Malformed, "the report is empty; expected ScanReport JSON");
        }

        ScanReport? report;
        try
        {
            report = JsonSerializer.Deserialize<ScanReport>(bytes, ScanReportJson.Options);
        }
        catch (JsonException e)
        {
            if (PeekSchemaVersion(bytes) is { } v && v != ScanReport.CurrentSchemaVersion)
            {
                throw UnsupportedVersion(v);
            }

            var where = e.Path is null ? string.Empty : $" at {e.Path}";
            var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            throw new ScanReportFormatException(ScanReportProblem.Malformed, $"the report is not valid ScanReport JSON{where}{line}: {FirstSentence(e.Message)}", e);
        }

        if (report is null)
        {
            throw new ScanReportFormatException(ScanReportProblem.Malformed, "the report is JSON null; expected a ScanReport object");
        }

        if (report.SchemaVersion != ScanReport.CurrentSchemaVersion)
        {
            throw UnsupportedVersion(report.SchemaVersion);
        }

        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            Require(f.Fingerprint, 128, $"findings[{i}].fingerprint");
            Require(f.CheckId, 64, $"findings[{i}].checkId");
            Require(f.RequirementId, 64, $"findings[{i}].requirementId");
            Require(f.Location, 4000, $"findings[{i}].location");
        }

        return report;
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static void Require(string value, int max, string path)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            throw new ScanReportFormatException(ScanReportProblem.Invalid, $"{path} must be 1 to {max} characters");
        }
    }

    private static ScanReportFormatException TooLarge() =>
        new(ScanReportProblem.TooLarge, $"the report is larger than {MaxBytes / (1024 * 1024)} MiB");

    private static ScanReportFormatException UnsupportedVersion(int version) =>
        new(ScanReportProblem.Invalid, $"schemaVersion {version} is not supported; this reader reads ScanReport schemaVersion {ScanReport.CurrentSchemaVersion}");

    private static int? PeekSchemaVersion(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("schemaVersion", out var v) && v.TryGetInt32(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
