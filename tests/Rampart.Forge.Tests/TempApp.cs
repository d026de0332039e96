namespace Rampart.Forge.Tests;

/// <summary>A Forge app written to a fresh temporary directory for one test, deleted afterwards.</summary>
public sealed class TempApp : IDisposable
{
    public const string Manifest = """
        app:
          id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555
          runtime:
            name: nodejs22.x
        permissions:
          scopes: []
        modules:
          jira:issuePanel:
            - key: panel
              resource: main
              resolver:
                function: resolver
              title: Panel
          function:
            - key: resolver
              handler: index.handler
        """;

    public const string Resolver = """
        import Resolver from '@forge/resolver';
        import api, { route } from '@forge/api';
        const resolver = new Resolver();
        resolver.define('get', async ({ payload }) => api.asApp().requestJira(route`/rest/api/3/issue/${payload.key}`));
        export const handler = resolver.getDefinitions();
        """;

    public TempApp(IReadOnlyDictionary<string, string>? files = null)
    {
        Root = Directory.CreateTempSubdirectory("rampart-forge-test-").FullName;
        foreach (var (path, text) in files ?? new Dictionary<string, string> { ["manifest.yml"] = Manifest, ["src/index.js"] = Resolver })
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
