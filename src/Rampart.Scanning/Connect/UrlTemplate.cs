using System.Text;

namespace Rampart.Scanning.Connect;

/// <summary>
/// Fills the context-parameter placeholders of a Connect URL (<c>{issue.key}</c>, <c>${project.id}</c>,
/// <c>{condition.is_admin}</c>) so the URL can be requested.
/// </summary>
/// <remarks>
/// Each placeholder is matched on its own, from <c>{</c> to the nearest <c>}</c>: <c>/a/{x}/b/{y}</c> becomes
/// <c>/a/test/b/test</c>. CSRT's greedy pattern turned it into <c>/a/test</c> and probed a different route.
/// </remarks>
internal static class UrlTemplate
{
    /// <summary>What the product substitutes for a <c>{condition.*}</c> parameter is the condition's result.</summary>
    public const string ConditionValue = "true";

    /// <summary>Any other context parameter: a plain value that every parameter type accepts as text.</summary>
    public const string ParameterValue = "test";

    public static string Fill(string template)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        var filled = new StringBuilder(template.Length);
        var copied = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var nested = template.IndexOf('{', open + 1, close - open - 1);
            if (nested >= 0)
            {
                // "{a{b}": only the innermost pair is a placeholder; the stray brace stays literal text.
                open = nested;
                continue;
            }

            var start = open > 0 && template[open - 1] == '$' ? open - 1 : open;
            filled.Append(template, copied, start - copied);
            filled.Append(Encode(ValueFor(template.AsSpan(open + 1, close - open - 1))));
            copied = close + 1;
            open = template.IndexOf('{', copied);
        }

        return filled.Append(template, copied, template.Length - copied).ToString();
    }

    private static string ValueFor(ReadOnlySpan<char> name) =>
        name.Trim().StartsWith("condition.", StringComparison.OrdinalIgnoreCase) ? ConditionValue : ParameterValue;

    /// <summary>
    /// Escapes every reserved character (<c>/ ? # &amp; = +</c> among them), so one escaping is right in every position:
    /// in the path the value stays a single segment, in the query it stays a single value, in the fragment it stays inert.
    /// The values above need no escaping today; this keeps a future, more realistic value (an issue summary, a JQL query)
    /// from silently changing the route or adding parameters.
    /// </summary>
    private static string Encode(string value) => Uri.EscapeDataString(value);
}
