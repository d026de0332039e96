using System.Text.RegularExpressions;

namespace Rampart.Scanning.Checks.Content;

/// <summary>
/// The credential-collection patterns of RMP-CONTENT-002. A Connect app acts with its installation's JWT, so a page
/// that asks for a password or an API token, or a script that builds Basic auth, is collecting user credentials.
/// </summary>
public static class CredentialPatterns
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    public static IReadOnlyList<CredentialPattern> All { get; } =
    [
        new("password-input", "Password input", Rx(@"<input\b[^>]{0,400}?\btype\s*=\s*[""']?password\b"), HtmlOnly: true,
            ["<input type=\"password\" name=\"pw\">", "<INPUT id=x TYPE=password>"],
            ["<input type=\"search\" name=\"q\">", "<input type=\"hidden\" name=\"csrf_token\" value=\"abc\">", "<p>Enter a password</p>"]),
        new("token-input", "Input named for a password or API token",
            Rx(@"<input\b[^>]{0,400}?\b(?:name|id)\s*=\s*[""']?(?:api[_-]?token|atlassian[_-]?(?:api[_-]?)?token|password|passwd)[""'\s>]"),
            HtmlOnly: true,
            ["<input type=\"text\" name=\"apiToken\">", "<input name='atlassian_token'>", "<input id=\"api-token\" type=\"text\">"],
            ["<input type=\"hidden\" name=\"csrf_token\">", "<input type=\"search\" name=\"q\" id=\"search\">", "<input name=\"api_token_hint_shown\">"]),
        new("token-label", "Label asking for a password or API token",
            Rx(@"<label\b[^>]{0,200}>[^<]{0,200}\b(?:api[ _-]?token|password)\b[^<]{0,200}</label>"), HtmlOnly: true,
            ["<label for=\"t\">Your Atlassian API token</label>", "<label>Password</label>"],
            ["<label for=\"q\">Search</label>", "<p>API tokens are managed by your admin.</p>"]),
        new("api-token-page-link", "Link to the Atlassian API-token page",
            Rx(@"id\.atlassian\.com/manage(?:-profile/security)?/api-tokens"), HtmlOnly: false,
            ["<a href=\"https://id.atlassian.com/manage-profile/security/api-tokens\">", "open('https://id.atlassian.com/manage/api-tokens')"],
            ["<a href=\"https://auth.atlassian.com/authorize?client_id=demo\">Connect your account</a>", "<p>Atlassian API tokens are not needed.</p>"]),
        new("basic-auth-btoa", "Basic credentials encoded in the browser",
            Rx(@"btoa\s*\(\s*(?:[^;)]{0,160}?[""'`]:[""'`]|`[^`]{0,160}?\}:\$\{)"), HtmlOnly: false,
            ["btoa(email + ':' + apiToken)", "btoa(`${user}:${token}`)"],
            ["btoa(JSON.stringify(state))", "atob(value)"]),
        new("basic-auth-header", "Authorization: Basic built in the browser",
            Rx(@"(?i)authorization[""'`]?\s*[:=,]\s*[""'`]basic\s"), HtmlOnly: false,
            ["headers: { 'Authorization': 'Basic ' + creds }", "xhr.setRequestHeader(\"Authorization\", \"Basic \" + b)"],
            ["headers: { 'Authorization': 'JWT ' + jwt }", "'Authorization': 'Bearer ' + token"]),
    ];

    private static Regex Rx(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled, Timeout);
}
