using System.Globalization;
using System.Text;

namespace Rampart.Scanning.Connect;

/// <summary>Builds the JSON paths used in endpoints, strings and error messages (<c>$.modules.webItems[0].url</c>).</summary>
internal static class JsonPathText
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        if (IsPlainName(name))
        {
            return string.Concat(parent, ".", name);
        }

        // Keys such as "signed-install" or "jira:issueGlance" need the bracket form to stay unambiguous. Paths end up
        // in messages and reports, so a key cannot smuggle a line break or terminal escape into them either.
        var builder = new StringBuilder(parent.Length + name.Length + 4).Append(parent).Append("['");
        foreach (var c in name)
        {
            if (c is '\'' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append("']").ToString();
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
