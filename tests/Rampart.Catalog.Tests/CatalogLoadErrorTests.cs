namespace Rampart.Catalog.Tests;

/// <summary>A broken catalog file must say where and what: file, line, column and field.</summary>
public sealed class CatalogLoadErrorTests
{
    [Fact]
    public void A_valid_catalog_loads()
    {
        var catalog = TestCatalogs.Load(("test.yaml", TestCatalogs.Catalog(TestCatalogs.OneRequirement))).All.ShouldHaveSingleItem();

        catalog.Requirements.ShouldHaveSingleItem().Id.ShouldBe("1");
    }

    [Fact]
    public void Bad_indentation_names_the_line_and_the_field_before_it()
    {
        var yaml = TestCatalogs.Catalog("""
              - id: "1"
                title: One
                  category: Cat
            """);

        var error = TestCatalogs.LoadFails(yaml);

        error.Message.ShouldStartWith("test.yaml, line 9, ");
        error.Message.ShouldContain("after field 'requirements[1].title'");
        error.Line.ShouldBe(9);
        error.Field.ShouldBe("requirements[1].title");
    }

    [Fact]
    public void Outdented_field_names_its_line()
    {
        var yaml = TestCatalogs.Catalog("""
              - id: "1"
                title: One
                category: Cat
              summary: s
            """);

        var error = TestCatalogs.LoadFails(yaml);

        error.Line.ShouldBe(10);
        error.Column.ShouldBe(3);
        error.Message.ShouldContain("line 10, column 3, after field 'requirements[1].category'");
    }

    [Fact]
    public void Unknown_requirement_key_is_a_typo_error()
    {
        var yaml = TestCatalogs.Catalog("""
              - id: "1"
                title: One
                sumary: s
            """);

        var error = TestCatalogs.LoadFails(yaml);

        error.Message.ShouldBe("test.yaml, line 9, column 5, field 'requirements[1].sumary': unknown field 'sumary'; "
            + "expected one of: id, title, category, summary, appliesTo, verification, checks, severity, isGuideline, addedOn, note");
    }

    [Fact]
    public void Unknown_catalog_key_is_a_typo_error()
    {
        var error = TestCatalogs.LoadFails("id: x\ntitel: y\n");

        error.Message.ShouldStartWith("test.yaml, line 2, column 1, field 'titel': unknown field 'titel'");
    }

    [Fact]
    public void Unknown_app_kind_points_at_the_list_item()
    {
        var yaml = TestCatalogs.Catalog(TestCatalogs.OneRequirement.Replace(
            "appliesTo: [connect]", "appliesTo:\n    - connect\n    - conect", StringComparison.Ordinal));

        var error = TestCatalogs.LoadFails(yaml);

        error.Message.ShouldBe("test.yaml, line 13, column 7, field 'requirements[1].appliesTo': "
            + "unknown app kind 'conect'; expected one of: connect, forge, forge-egress, power-up");
    }

    [Fact]
    public void Duplicate_requirement_id_names_both_lines()
    {
        var yaml = TestCatalogs.Catalog(TestCatalogs.OneRequirement + "\n" + TestCatalogs.OneRequirement);

        var error = TestCatalogs.LoadFails(yaml);

        error.Message.ShouldBe("test.yaml, line 14, column 9, field 'requirements[1].id': "
            + "duplicate requirement id '1' (first defined on line 7)");
    }

    [Theory]
    [InlineData("severity: low", "severity: severe", "field 'requirements[1].severity': unknown severity 'severe'")]
    [InlineData("verification: manual", "verification: automatc", "field 'requirements[1].verification': unknown verification 'automatc'")]
    [InlineData("verification: manual", "verification: automatic",
        "field 'requirements[1].verification': automatic verification needs at least one check")]
    [InlineData("title: One", "title: \"\"", "field 'requirements[1].title': missing field 'title'")]
    [InlineData("\n    category: Cat", "", "field 'requirements[1].category': missing field 'category'")]
    [InlineData("appliesTo: [connect]", "appliesTo: connect",
        "field 'requirements[1].appliesTo': expected a list such as [connect], found the single value 'connect'")]
    [InlineData("appliesTo: [connect]", "appliesTo: []", "field 'requirements[1].appliesTo': missing field 'appliesTo'")]
    [InlineData("appliesTo: [connect]", "appliesTo: [connect, connect]", "app kind 'connect' is listed twice")]
    [InlineData("severity: low", "severity: low\n    checks: [RMP-tls-001]", "field 'requirements[1].checks': 'RMP-tls-001' is not a check id")]
    [InlineData("severity: low", "severity: low\n    checks: [\"RMP-TLS-001\\n\"]", "is not a check id")]
    [InlineData("severity: low", "severity: low\n    isGuideline: true", "field 'requirements[1].isGuideline': guideline ids start with G")]
    [InlineData("severity: low", "severity: low\n    isGuideline: yes", "'yes' is not true or false")]
    [InlineData("severity: low", "severity: low\n    addedOn: 19.02.2026", "field 'requirements[1].addedOn': '19.02.2026' is not a date; expected yyyy-MM-dd")]
    [InlineData("title: One", "title: One\n    title: Two", "field 'requirements[1].title': field 'title' is given twice")]
    [InlineData("id: \"1\"", "id: \"1 a\"", "field 'requirements[1 a].id': '1 a' is not a requirement id")]
    public void Invalid_requirement_field_is_named(string replace, string with, string expected)
    {
        var yaml = TestCatalogs.Catalog(TestCatalogs.OneRequirement.Replace(replace, with, StringComparison.Ordinal));

        var error = TestCatalogs.LoadFails(yaml);

        error.Message.ShouldStartWith("test.yaml, line ");
        error.Message.ShouldContain(expected);
        error.Line.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public void Missing_id_names_the_requirement_by_position()
    {
        var yaml = TestCatalogs.Catalog(TestCatalogs.OneRequirement + "\n" + TestCatalogs.OneRequirement.Replace("- id: \"1\"\n    ", "- ", StringComparison.Ordinal));

        var error = TestCatalogs.LoadFails(yaml);

        error.Message.ShouldBe("test.yaml, line 14, column 5, field 'requirements[#2].id': missing field 'id'");
    }

    [Fact]
    public void Guideline_prefix_without_the_flag_is_rejected()
    {
        var yaml = TestCatalogs.Catalog(TestCatalogs.OneRequirement.Replace("id: \"1\"", "id: \"G1\"", StringComparison.Ordinal));

        TestCatalogs.LoadFails(yaml).Message.ShouldContain("'G1' has a guideline id but isGuideline is not true");
    }

    [Fact]
    public void Effective_before_published_is_rejected()
    {
        var yaml = TestCatalogs.Catalog(TestCatalogs.OneRequirement, published: "2024-03-01", effective: "2024-02-01");

        TestCatalogs.LoadFails(yaml).Message.ShouldBe(
            "test.yaml, line 4, column 12, field 'effective': effective date 2024-02-01 is before the published date 2024-03-01");
    }

    [Fact]
    public void Catalog_without_requirements_is_rejected() =>
        TestCatalogs.LoadFails(TestCatalogs.Catalog("")).Field.ShouldBe("requirements");

    [Fact]
    public void Tab_indentation_names_its_line()
    {
        var yaml = TestCatalogs.Catalog("  - id: \"1\"\n\ttitle: One");

        TestCatalogs.LoadFails(yaml).Message.ShouldBe("test.yaml, line 8, column 1: a tab is used for indentation; YAML allows only spaces");
    }

    [Fact]
    public void A_second_document_is_rejected()
    {
        var yaml = TestCatalogs.Catalog(TestCatalogs.OneRequirement) + "---\nid: other\n";

        TestCatalogs.LoadFails(yaml).Message.ShouldBe("test.yaml, line 14, column 1: a catalog file holds one YAML document, but a second one starts here");
    }

    [Theory]
    [InlineData("", "the file holds no catalog")]
    [InlineData("- a\n- b\n", "expected a mapping of fields, found a list")]
    [InlineData("\"unterminated\n", "not a valid catalog")]
    public void Files_that_are_no_catalog_are_rejected(string yaml, string expected) =>
        TestCatalogs.LoadFails(yaml).Message.ShouldContain(expected);

    [Fact]
    public void Requirement_that_is_not_a_mapping_is_rejected()
    {
        var error = TestCatalogs.LoadFails(TestCatalogs.Catalog("  - hello"));

        error.Message.ShouldBe("test.yaml, line 7, column 5, field 'requirements': expected a mapping of fields, found a single value");
    }
}
