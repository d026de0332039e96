using System.Text.RegularExpressions;

namespace Rampart.Scanning.Dns;

/// <summary>One takeover-prone service: how to recognise a CNAME to it and how it shows the target is unclaimed.</summary>
/// <param name="CnamePatterns">Regexes over the lower-case CNAME target, anchored by the data file.</param>
/// <param name="Body">For <see cref="TakeoverCheckKind.Body"/>: a regex over the response body.</param>
/// <param name="HttpStatus">When set, the unclaimed page also has this status.</param>
/// <param name="Source">Where the entry's knowledge comes from (URL or document).</param>
/// <param name="Licence">The licence the entry is shipped under (SPDX id).</param>
public sealed record TakeoverFingerprint(
    string Service,
    IReadOnlyList<Regex> CnamePatterns,
    TakeoverCheckKind Kind,
    Regex? Body,
    int? HttpStatus,
    string Source,
    string Licence)
{
    public bool MatchesCname(string target) => CnamePatterns.Any(p => p.IsMatch(target));
}
