namespace Rampart.Catalog.Tests;

public sealed class RequirementCatalogTextTests
{
    [Fact]
    public void Renders_a_header_and_one_aligned_line_per_requirement()
    {
        const string requirements = """
              - id: "1"
                title: One
                category: Cat
                summary: s
                appliesTo: [connect, power-up]
                verification: automatic
                checks: [RMP-TLS-001, RMP-HSTS-001]
                severity: high
              - id: "10"
                title: Ten, a longer title
                category: Cat
                summary: s
                appliesTo: [forge]
                verification: manual
                severity: low
                addedOn: 2024-01-15
              - id: "G1"
                title: Guide
                category: Cat
                summary: s
                appliesTo: [forge-egress]
                verification: manual
                checks: [RMP-TLS-002]
                severity: info
                isGuideline: true
            """;
        var catalog = TestCatalogs.Load(("t.yaml", TestCatalogs.Catalog(requirements))).All.Single();

        var text = RequirementCatalogText.Render(catalog);

        text.ShouldBe("""
            Catalog t: Test catalog t
            Published 2024-01-01, effective 2024-02-01
            Source: https://example.test/t

            1   One                  connect, power-up  automatic (RMP-TLS-001, RMP-HSTS-001)  high
            10  Ten, a longer title  forge              manual                                 low   [added 2024-01-15]
            G1  Guide                forge-egress       manual (checks: RMP-TLS-002)           info  [guideline]

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Embedded_2026_lines_carry_kinds_checks_and_markers()
    {
        var lines = RequirementCatalogText.Render(EmbeddedCatalogTests.Catalog("2026")).Split('\n');

        lines.ShouldContain(l => l.StartsWith("1.4 ", StringComparison.Ordinal) && l.Contains("connect ", StringComparison.Ordinal)
            && l.Contains("automatic (RMP-AUTH-003, RMP-AUTH-004)", StringComparison.Ordinal) && l.Contains("critical", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("G3.1 ", StringComparison.Ordinal) && l.EndsWith("[guideline]", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("8.4 ", StringComparison.Ordinal) && l.EndsWith("[added 2026-02-19]", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("11 ", StringComparison.Ordinal) && l.Contains(" manual ", StringComparison.Ordinal));
    }
}
