namespace Rampart.Catalog.Tests;

/// <summary>Small catalogs written inline, with known line numbers, for loader and registry tests.</summary>
internal static class TestCatalogs
{
    // Lines 1-6 are the header below; the first requirement therefore starts on line 7.
    public const string OneRequirement = """
          - id: "1"
            title: One
            category: Cat
            summary: First requirement.
            appliesTo: [connect]
            verification: manual
            severity: low
        """;

    public static string Catalog(string requirements, string id = "t", string published = "2024-01-01", string effective = "2024-02-01") =>
        $"""
        id: "{id}"
        title: Test catalog {id}
        published: {published}
        effective: {effective}
        source: https://example.test/{id}
        requirements:

        """ + requirements + "\n";

    public static CatalogRegistry Load(params (string Name, string Yaml)[] sources) =>
        CatalogRegistry.Load(sources.Select(s => (s.Name, (TextReader)new StringReader(s.Yaml))));

    public static CatalogException LoadFails(string yaml) =>
        Should.Throw<CatalogException>(() => Load(("test.yaml", yaml)));
}
