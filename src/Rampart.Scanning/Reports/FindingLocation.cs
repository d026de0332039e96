using System.Globalization;

using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>A finding's location string, classified so that each report format can render it in its own terms.</summary>
internal sealed record FindingLocation(FindingLocationKind Kind, string Text, Uri? Url, string? Path, int? Line, int? Column)
{
    // Without a slash, "name:number" is only a file position when the name has a source-file extension;
    // otherwise "app.example.com:443" would be read as line 443 of a file called app.example.com.
    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".json", ".yml", ".yaml",
        ".html", ".htm", ".css", ".txt", ".env", ".toml", ".xml", ".properties",
    };

    public static FindingLocation Parse(string location)
    {
        var text = location.Trim();
        if (text.StartsWith('$'))
        {
            return new FindingLocation(FindingLocationKind.JsonPath, text, null, null, null, null);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss")
        {
            return new FindingLocation(FindingLocationKind.Url, text, uri, null, null, null);
        }

        if (TryParseFilePosition(text, out var path, out var line, out var column))
        {
            return new FindingLocation(FindingLocationKind.File, text, null, path, line, column);
        }

        return new FindingLocation(FindingLocationKind.Other, text, null, null, null, null);
    }

    private static bool TryParseFilePosition(string text, out string path, out int line, out int? column)
    {
        path = string.Empty;
        line = 0;
        column = null;
        var last = text.LastIndexOf(':');
        if (last <= 0 || !TryParsePositive(text[(last + 1)..], out var lastNumber))
        {
            return false;
        }

        var head = text[..last];
        var previous = head.LastIndexOf(':');
        if (previous > 0 && TryParsePositive(head[(previous + 1)..], out var lineNumber))
        {
            path = head[..previous];
            line = lineNumber;
            column = lastNumber;
        }
        else
        {
            path = head;
            line = lastNumber;
        }

        return path.Length > 0 && !path.Any(char.IsWhiteSpace) && LooksLikeFile(path);
    }

    private static bool TryParsePositive(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;

    private static bool LooksLikeFile(string path) =>
        path.Contains('/', StringComparison.Ordinal)
        || path.Contains('\\', StringComparison.Ordinal)
        || SourceExtensions.Contains(System.IO.Path.GetExtension(path));
}
