using Rampart.Catalog;
using System.Text.RegularExpressions;
using Acornima.Ast;
using Rampart.Forge.Checks;
using Rampart.Forge.Code;
using Rampart.Scanning.Http;
using Rampart.Scanning.Secrets;

namespace Rampart.Forge.Analysis;

/// <summary>
/// Checks that do not depend on the path to the code, run over every function of every file (as FSRT's
/// scan-functions mode does): hard-coded secrets (003), Atlassian credentials (004), code execution (008),
/// string-built Forge SQL (009) and personal data in storage (012). It also collects every product API call for
/// the least-privilege check.
/// </summary>
public sealed class FileScanner
{
    private static readonly string[] AtlassianHosts =
    [
        "atlassian.net", "atlassian.com", "jira-dev.com", "atl-paas.net", "bitbucket.org", "trello.com", "statuspage.io", "opsgenie.com",
    ];

    private static readonly Regex AdminPath = new(
        @"/(admin/(v\d|control/v\d)/orgs|admin/user-provisioning/|scim/directory/|users/[^/]+/manage|orgs/[^/]+/(api-tokens|api-keys|service-accounts))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexLimits.MatchTimeout);

    private static readonly string[] PersonalFields = ["accountId", "emailAddress", "email", "displayName", "fullName", "phoneNumber"];

    private readonly List<ForgeFinding> findings = [];
    private readonly HashSet<(string, string)> reported = [];

    public List<ProductCall> ProductCalls { get; } = [];

    public List<string> SecretTimeouts { get; } = [];

    public IReadOnlyList<ForgeFinding> Findings => findings;

    /// <summary>Scans one file while its syntax is in hand; personal-data findings are dropped later when the manifest reports personal data.</summary>
    public void Scan(ModuleSyntax module)
    {
        var secrets = SecretScanner.ScanAll(module.Module.Text);
        SecretTimeouts.AddRange(secrets.TimedOut.Select(rule => $"{module.Path} ({rule})"));
        foreach (var match in secrets.Matches)
        {
            Add(ForgeChecks.HardcodedSecret, $"{module.Path}:{match.Line}:{match.Column}", $"{match.Rule.Description}: {match.Redacted}");
        }

        var stack = new Stack<Node>();
        stack.Push(module.Program);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is CallExpression call)
            {
                Call(module, call);
            }

            if (ForgeApi.EvaluatedCode(node, module) is { } code && Constants.StringValue(code, module) is null)
            {
                Add(ForgeChecks.CodeExecution, module.Where(node), $"{Excerpt(module, node)} — evaluates a value that is not a constant as code");
            }

            foreach (var child in node.ChildNodes)
            {
                stack.Push(child);
            }
        }
    }

    private void Call(ModuleSyntax module, CallExpression call)
    {
        if (ForgeApi.AsProductCall(call, module) is var (product, productOptions))
        {
            ProductCalls.Add(product);
            AuthorizationHeader(module, call, productOptions, targetsAtlassian: true, product.Route);
        }
        else if (ForgeApi.OutboundRequest(call, module) is var (url, options))
        {
            var pattern = Constants.Pattern(url, module);
            AuthorizationHeader(module, call, options, IsAtlassian(pattern), pattern);
        }

        if (ForgeApi.SecretArgument(call, module) is var (function, secret) && Constants.StringValue(secret, module) is { Length: >= 6 } value
            && !LooksLikePlaceholder(value))
        {
            Add(ForgeChecks.HardcodedSecret, module.Where(secret), $"{Excerpt(module, call, value)} — constant secret passed to {function}");
        }

        if (ForgeApi.IsChildProcessCall(call, module))
        {
            Add(ForgeChecks.CodeExecution, module.Where(call), $"{Excerpt(module, call)} — spawns a child process");
        }

        if (ForgeApi.ForgeSqlText(call, module) is { } sql && Constants.IsBuiltFromValues(sql, module))
        {
            Add(ForgeChecks.SqlInjection, module.Where(sql), $"{Excerpt(module, call)} — SQL text built from values");
        }

        if (ForgeApi.StorageAccess(call, module) == "write" && call.Arguments.Any(a => MentionsPersonalData(a, module)))
        {
            Add(ForgeChecks.PersonalData, module.Where(call), $"{Excerpt(module, call)} — stores account data; the manifest lacks report:personal-data");
        }
    }

    private void AuthorizationHeader(ModuleSyntax module, CallExpression call, Node? options, bool targetsAtlassian, string? target)
    {
        var headers = ForgeApi.Property(options, "headers") is { } h ? ForgeApi.Resolve(h, module) : null;
        if (ForgeApi.Property(headers, "Authorization", ignoreCase: true) is not { } value)
        {
            return;
        }

        var constant = Constants.StringValue(value, module);
        var pattern = constant ?? Constants.Pattern(value, module) ?? string.Empty;
        var scheme = pattern.Split(' ', 2)[0].ToLowerInvariant();
        if (targetsAtlassian && scheme is "basic" or "bearer")
        {
            var admin = target is not null && AdminPath.IsMatch(target) && scheme == "bearer";
            Add(ForgeChecks.AtlassianCredentials, module.Where(value),
                $"{Excerpt(module, value, constant ?? string.Empty)} — {(admin ? "admin/container token (Bearer) on an organization admin API" : $"{scheme} credentials sent to an Atlassian product API")} ({target ?? "?"})",
                admin ? "Atlassian admin or container token used against an admin API" : null);
        }

        if (constant is not null && constant.Split(' ', 2) is [_, { Length: >= 8 } credential] && !LooksLikePlaceholder(credential))
        {
            Add(ForgeChecks.HardcodedSecret, module.Where(value), $"{Excerpt(module, value, credential)} — constant Authorization header");
        }
    }

    private static bool IsAtlassian(string? url)
    {
        if (url is null)
        {
            return false;
        }

        var match = Regex.Match(url, @"^https?://([^/?#:]+)", RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);
        if (!match.Success)
        {
            return url.StartsWith("/rest/", StringComparison.Ordinal) || url.StartsWith("/wiki/", StringComparison.Ordinal);
        }

        var host = match.Groups[1].Value.ToLowerInvariant();
        return AtlassianHosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal));
    }

    private static bool MentionsPersonalData(Node node, ModuleSyntax module)
    {
        var stack = new Stack<Node>();
        stack.Push(ForgeApi.Resolve(node, module));
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case Identifier id when PersonalFields.Contains(id.Name, StringComparer.Ordinal):
                    return true;
                case StringLiteral literal when PersonalFields.Any(f => literal.Value.Contains(f, StringComparison.Ordinal)):
                    return true;
                case var other:
                    foreach (var child in other.ChildNodes)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return false;
    }

    private static bool LooksLikePlaceholder(string value) =>
        value.Distinct().Count() <= 3 || new[] { "example", "changeme", "placeholder", "your_", "your-", "xxxx", "dummy", "redacted", "<", "{{" }
            .Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase));

    private static string Excerpt(ModuleSyntax module, Node node, params string[] secrets) => EvidenceText.Redact(module.Excerpt(node), secrets);

    private void Add(ForgeCheck check, string location, string evidence, string? title = null)
    {
        if (reported.Add((check.Id, location)))
        {
            findings.Add(new ForgeFinding(check, location, evidence, title));
        }
    }

    internal static string Mask(string value) => Redaction.Mask(value);
}
