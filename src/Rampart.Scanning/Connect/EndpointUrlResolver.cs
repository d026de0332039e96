using System.Diagnostics.CodeAnalysis;

namespace Rampart.Scanning.Connect;

/// <summary>
/// Turns a URL as written in the descriptor into the absolute URL to probe, and tells whether it belongs to the app.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Relative URLs are appended to <c>baseUrl</c> the way the product does, keeping its path prefix:
/// <c>https://x.com/app/</c> + <c>/page</c> is <c>https://x.com/app/page</c>.</item>
/// <item>Only <c>http</c> and <c>https</c> name endpoints. <c>javascript:</c>, <c>data:</c>, <c>mailto:</c> and any
/// other scheme are not requests to the app; CSRT appended them to <c>baseUrl</c> and probed nonsense.</item>
/// <item>An absolute URL on a host that is neither the <c>baseUrl</c> host nor the descriptor host is third-party:
/// kept, so reports can show it, but never attacked.</item>
/// </list>
/// </remarks>
internal sealed class EndpointUrlResolver
{
    private readonly string baseUrlPrefix;
    private readonly string baseHost;
    private readonly string descriptorHost;

    public EndpointUrlResolver(Uri baseUrl, Uri descriptorUrl)
    {
        // Query and fragment of baseUrl are not part of the prefix the product joins module URLs to.
        baseUrlPrefix = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        baseHost = NormalHost(baseUrl);
        descriptorHost = NormalHost(descriptorUrl);
    }

    /// <summary>
    /// Resolves <paramref name="written"/>; false when it is not an HTTP endpoint of any host: empty, another scheme,
    /// or relative where <paramref name="allowRelative"/> says relative URLs are not app paths.
    /// </summary>
    /// <exception cref="DescriptorException">An http(s) URL that cannot be parsed.</exception>
    public bool TryResolve(string written, string jsonPath, bool allowRelative, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        var text = written.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        string absolute;
        var scheme = SchemeOf(text);
        if (scheme.IsEmpty)
        {
            if (!allowRelative)
            {
                return false;
            }

            // Joined by concatenation, as the product does: "//other.host/x" stays a path on the app's host rather
            // than the protocol-relative URL RFC 3986 resolution would make of it.
            var filled = UrlTemplate.Fill(text);
            absolute = filled[0] is '/' or '?' or '#' ? baseUrlPrefix + filled : $"{baseUrlPrefix}/{filled}";
        }
        else if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            absolute = UrlTemplate.Fill(text);
        }
        else
        {
            return false;
        }

        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            throw new DescriptorException($"not a valid URL: {DescriptorJson.Quote(written)}", jsonPath);
        }

        url = parsed;
        return true;
    }

    public bool IsThirdParty(Uri url)
    {
        var host = NormalHost(url);
        return !string.Equals(host, baseHost, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(host, descriptorHost, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The scheme per RFC 3986 §3.1 (a letter, then letters, digits, <c>+ - .</c>, then a colon), or empty.</summary>
    private static ReadOnlySpan<char> SchemeOf(string text)
    {
        if (!char.IsAsciiLetter(text[0]))
        {
            return [];
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                return text.AsSpan(0, i);
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return [];
            }
        }

        return [];
    }

    /// <summary>"Example.com." and "example.com" are the same host.</summary>
    private static string NormalHost(Uri url) => url.IdnHost.TrimEnd('.');
}
