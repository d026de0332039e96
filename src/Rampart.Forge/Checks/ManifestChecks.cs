using Rampart.Forge.Analysis;
using Rampart.Forge.Manifest;
using Rampart.Scanning.Http;

namespace Rampart.Forge.Checks;

/// <summary>Checks that read the manifest alone: OAuth provider secrets (003), egress (006), CSP (007), runtime (011).</summary>
public static class ManifestChecks
{
    /// <summary>Last day of support of each Node.js runtime Forge has offered (Node.js release schedule).</summary>
    private static readonly Dictionary<string, DateOnly> EndOfLife = new(StringComparer.Ordinal)
    {
        ["nodejs14.x"] = new(2023, 4, 30),
        ["nodejs16.x"] = new(2023, 9, 11),
        ["nodejs18.x"] = new(2025, 4, 30),
        ["nodejs20.x"] = new(2026, 4, 30),
        ["nodejs22.x"] = new(2027, 4, 30),
        ["nodejs24.x"] = new(2028, 4, 30),
    };

    public static IReadOnlyList<ForgeFinding> Run(ForgeManifest manifest, DateOnly today)
    {
        var findings = new List<ForgeFinding>();
        var file = manifest.FileName;
        foreach (var field in manifest.ProviderSecretFields)
        {
            var value = field.Value.Trim();
            var templated = value.StartsWith("{{", StringComparison.Ordinal) && value.EndsWith("}}", StringComparison.Ordinal);
            if (value.Length > 0 && !templated)
            {
                findings.Add(new ForgeFinding(ForgeChecks.HardcodedSecret, field.Position.In(file),
                    $"{field.Name}: {Redaction.Mask(value)} — OAuth provider secret written in the manifest instead of a {{{{runtime template}}}}"));
            }
        }

        foreach (var address in manifest.FetchBackend.Concat(manifest.FetchClient))
        {
            var value = address.Value.Trim();
            if (value.StartsWith("remote:", StringComparison.Ordinal))
            {
                continue;
            }

            if (value.Contains('*', StringComparison.Ordinal))
            {
                findings.Add(new ForgeFinding(ForgeChecks.Egress, address.Position.In(file), $"permissions.external.fetch.{address.Name}: {value} — wildcard egress lets the app send data to any matching host"));
            }
            else if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new ForgeFinding(ForgeChecks.Egress, address.Position.In(file), $"permissions.external.fetch.{address.Name}: {value} — plain-HTTP egress sends data unencrypted"));
            }
        }

        foreach (var url in manifest.Remotes.SelectMany(r => r.BaseUrls.Select(u => (r.Key, u))))
        {
            if (url.u.Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new ForgeFinding(ForgeChecks.Egress, url.u.Position.In(file), $"remotes[{url.Key}].{url.u.Name}: {url.u.Value} — remote reached over plain HTTP"));
            }
        }

        foreach (var csp in manifest.ContentScripts.Concat(manifest.ContentStyles))
        {
            var value = csp.Value.Trim().Trim('\'');
            if (value is "unsafe-inline" or "unsafe-eval")
            {
                findings.Add(new ForgeFinding(ForgeChecks.UnsafeCsp, csp.Position.In(file), $"permissions.content.{csp.Name}: '{value}'"));
            }
        }

        if (manifest.Runtime is { } runtime && manifest.RuntimePosition is { } position)
        {
            if (runtime == "sandbox")
            {
                findings.Add(new ForgeFinding(ForgeChecks.EndOfLifeRuntime, position.In(file), "app.runtime.name: sandbox — the legacy Forge runtime is retired"));
            }
            else if (EndOfLife.TryGetValue(runtime, out var end) && end < today)
            {
                findings.Add(new ForgeFinding(ForgeChecks.EndOfLifeRuntime, position.In(file), $"app.runtime.name: {runtime} — Node.js end of life was {end:yyyy-MM-dd}"));
            }
        }

        return findings;
    }
}
