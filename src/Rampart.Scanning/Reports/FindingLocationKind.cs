using Rampart.ScanReports;

namespace Rampart.Scanning.Reports;

/// <summary>What a finding's location string points at.</summary>
internal enum FindingLocationKind
{
    /// <summary>An absolute http(s) or ws(s) URL.</summary>
    Url,

    /// <summary>A source file position, <c>path:line</c> or <c>path:line:column</c>.</summary>
    File,

    /// <summary>A JSON path into a descriptor or manifest, starting with <c>$</c>.</summary>
    JsonPath,

    /// <summary>Anything else, such as a host name or <c>host:port</c>.</summary>
    Other,
}
