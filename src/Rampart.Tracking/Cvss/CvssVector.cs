using System.Globalization;

namespace Rampart.Tracking;

/// <summary>
/// A CVSS 3.1 base vector and its base score, computed with the specification's formulas (FIRST CVSS v3.1
/// specification §7.1, roundup per Appendix A so that floating-point noise never moves a score up by 0.1).
/// </summary>
public sealed record CvssVector
{
    private const string Prefix = "CVSS:3.1/";

    private static readonly string[] MetricOrder = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

    private static readonly Dictionary<string, string[]> AllowedValues = new(StringComparer.Ordinal)
    {
        ["AV"] = ["N", "A", "L", "P"],
        ["AC"] = ["L", "H"],
        ["PR"] = ["N", "L", "H"],
        ["UI"] = ["N", "R"],
        ["S"] = ["U", "C"],
        ["C"] = ["H", "L", "N"],
        ["I"] = ["H", "L", "N"],
        ["A"] = ["H", "L", "N"],
    };

    private CvssVector(IReadOnlyDictionary<string, string> metrics)
    {
        Metrics = metrics;
        Vector = Prefix + string.Join('/', MetricOrder.Select(m => $"{m}:{metrics[m]}"));
        BaseScore = ComputeBaseScore(metrics);
    }

    /// <summary>The normalised vector (metrics in the specification's order).</summary>
    public string Vector { get; }

    public double BaseScore { get; }

    public IReadOnlyDictionary<string, string> Metrics { get; }

    /// <summary>Qualitative rating. A score of 0.0 (rating "none") still maps to low: a failed requirement is never nothing.</summary>
    public TicketSeverity Severity => SeverityOf(BaseScore);

    public static TicketSeverity SeverityOf(double score) => score switch
    {
        >= 9.0 => TicketSeverity.Critical,
        >= 7.0 => TicketSeverity.High,
        >= 4.0 => TicketSeverity.Medium,
        _ => TicketSeverity.Low,
    };

    /// <summary>Parses <c>CVSS:3.1/AV:N/AC:L/...</c>; throws <see cref="ValidationException"/> on field <c>cvssVector</c> naming the bad part.</summary>
    public static CvssVector Parse(string? vector)
    {
        if (TryParse(vector, out var parsed, out var error))
        {
            return parsed;
        }

        throw new ValidationException("cvssVector", error);
    }

    public static bool TryParse(string? vector, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CvssVector? parsed, out string error)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(vector))
        {
            error = "a CVSS 3.1 vector is required (e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)";
            return false;
        }

        var text = vector.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"'{Shorten(text)}' does not start with '{Prefix}'";
            return false;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text[Prefix.Length..].Split('/'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1)
            {
                error = $"'{Shorten(part)}' is not a metric:value pair";
                return false;
            }

            var name = part[..colon];
            var value = part[(colon + 1)..];
            if (!AllowedValues.TryGetValue(name, out var allowed))
            {
                error = $"'{Shorten(name)}' is not a CVSS 3.1 base metric (expected {string.Join(", ", MetricOrder)})";
                return false;
            }

            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                error = $"{name}:{Shorten(value)} is not allowed; {name} takes {string.Join(", ", allowed)}";
                return false;
            }

            if (!metrics.TryAdd(name, value))
            {
                error = $"metric {name} appears twice";
                return false;
            }
        }

        var missing = MetricOrder.Where(m => !metrics.ContainsKey(m)).ToList();
        if (missing.Count > 0)
        {
            error = $"missing base metric(s) {string.Join(", ", missing)}";
            return false;
        }

        parsed = new CvssVector(metrics);
        error = string.Empty;
        return true;
    }

    /// <summary>The specification's Roundup: the smallest one-decimal number ≥ the input, computed on integers.</summary>
    public static double Roundup(double input)
    {
        var intInput = (long)Math.Round(input * 100_000);
        return intInput % 10_000 == 0 ? intInput / 100_000.0 : (Math.Floor(intInput / 10_000.0) + 1) / 10.0;
    }

    public override string ToString() => Vector;

    private static double ComputeBaseScore(IReadOnlyDictionary<string, string> m)
    {
        var scopeChanged = m["S"] == "C";
        var av = m["AV"] switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, _ => 0.2 };
        var ac = m["AC"] == "L" ? 0.77 : 0.44;
        var pr = m["PR"] switch
        {
            "N" => 0.85,
            "L" => scopeChanged ? 0.68 : 0.62,
            _ => scopeChanged ? 0.5 : 0.27,
        };
        var ui = m["UI"] == "N" ? 0.85 : 0.62;
        static double Cia(string v) => v switch { "H" => 0.56, "L" => 0.22, _ => 0.0 };

        var iss = 1 - ((1 - Cia(m["C"])) * (1 - Cia(m["I"])) * (1 - Cia(m["A"])));
        var impact = scopeChanged
            ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15))
            : 6.42 * iss;
        var exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0)
        {
            return 0.0;
        }

        return scopeChanged
            ? Roundup(Math.Min(1.08 * (impact + exploitability), 10))
            : Roundup(Math.Min(impact + exploitability, 10));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

    internal static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
