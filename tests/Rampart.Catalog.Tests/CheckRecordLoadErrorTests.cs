namespace Rampart.Catalog.Tests;

/// <summary>A broken check list must say where and what: file, line, column, the check and the field.</summary>
public sealed class CheckRecordLoadErrorTests
{
    // Line 1 is "checks:", so the entry starts on line 2.
    private const string OneCheck = """
        checks:
          - id: RMP-TEST-001
            title: Test check
            inspects: live-host
            appKinds: [connect, power-up]
            severity: medium
            cvss: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N
            cwe: [CWE-319]
            verifies: {"2022": "3", "2026": "3.1"}
            remediation: >-
              Fix it
              everywhere.
        """;

    [Fact]
    public void A_valid_check_list_loads()
    {
        var record = Load(OneCheck).All.ShouldHaveSingleItem();

        record.ShouldSatisfyAllConditions(
            () => record.Id.ShouldBe("RMP-TEST-001"),
            () => record.Title.ShouldBe("Test check"),
            () => record.Inspects.ShouldBe(CheckTarget.LiveHost),
            () => record.AppKinds.ShouldBe([AppKind.Connect, AppKind.PowerUp]),
            () => record.Severity.ShouldBe(Severity.Medium),
            () => record.DefaultCvssVector.ShouldBe("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"),
            () => record.Cwe.ShouldBe(["CWE-319"]),
            () => record.Verifies.ShouldBe(new Dictionary<string, string> { ["2022"] = "3", ["2026"] = "3.1" }),
            () => record.Remediation.ShouldBe("Fix it everywhere."));
    }

    [Fact]
    public void The_requirement_a_check_reports_under_is_the_one_of_the_newest_catalog()
    {
        var record = Load(OneCheck.Replace("{\"2022\": \"3\", \"2026\": \"3.1\"}", "{\"2026\": \"3.1\", \"2020\": \"1\"}", StringComparison.Ordinal)).All[0];

        record.RequirementId.ShouldBe("3.1");
    }

    [Fact]
    public void Cwe_is_optional()
    {
        Load(OneCheck.Replace("    cwe: [CWE-319]\n", "", StringComparison.Ordinal)).All[0].Cwe.ShouldBeEmpty();
    }

    [Fact]
    public void Find_answers_null_and_Get_names_the_missing_check()
    {
        var registry = Load(OneCheck);

        registry.Find("RMP-NONE-001").ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => registry.Get("RMP-NONE-001")).Message.ShouldContain("RMP-NONE-001");
        registry.Get("RMP-TEST-001").ShouldBeSameAs(registry.All[0]);
    }

    [Fact]
    public void Unknown_field_is_a_typo_error_naming_the_check()
    {
        var error = Fails(OneCheck.Replace("severity: medium", "severty: medium", StringComparison.Ordinal));

        error.Message.ShouldBe("checks.yaml, line 6, column 5, field 'checks[RMP-TEST-001].severty': unknown field 'severty'; "
            + "expected one of: id, title, inspects, appKinds, severity, cvss, cwe, verifies, remediation");
        error.Line.ShouldBe(6);
        error.Field.ShouldBe("checks[RMP-TEST-001].severty");
    }

    [Theory]
    [InlineData("id: RMP-TEST-001", "id: RMP-test-1", "field 'checks[RMP-test-1].id': 'RMP-test-1' is not a check id")]
    [InlineData("title: Test check", "title: \"\"", "field 'checks[RMP-TEST-001].title': missing field 'title'")]
    [InlineData("inspects: live-host", "inspects: network", "field 'checks[RMP-TEST-001].inspects': unknown target 'network'; expected one of: live-host, descriptor, forge-app")]
    [InlineData("    inspects: live-host\n", "", "field 'checks[RMP-TEST-001].inspects': missing field 'inspects'")]
    [InlineData("appKinds: [connect, power-up]", "appKinds: [connect, trello]", "field 'checks[RMP-TEST-001].appKinds': unknown app kind 'trello'")]
    [InlineData("appKinds: [connect, power-up]", "appKinds: []", "field 'checks[RMP-TEST-001].appKinds': missing field 'appKinds'")]
    [InlineData("severity: medium", "severity: severe", "field 'checks[RMP-TEST-001].severity': unknown severity 'severe'")]
    [InlineData("cvss: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N", "cvss: 4.8", "field 'checks[RMP-TEST-001].cvss': '4.8' is not a CVSS 3.1 base vector")]
    [InlineData("cvss: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N", "cvss: CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N", "is not a CVSS 3.1 base vector")]
    [InlineData("cwe: [CWE-319]", "cwe: [CWE-0319]", "field 'checks[RMP-TEST-001].cwe': 'CWE-0319' is not a CWE id")]
    [InlineData("cwe: [CWE-319]", "cwe: [319]", "field 'checks[RMP-TEST-001].cwe': '319' is not a CWE id")]
    [InlineData("cwe: [CWE-319]", "cwe: [CWE-319, CWE-319]", "'CWE-319' is listed twice")]
    [InlineData("cwe: [CWE-319]", "cwe: CWE-319", "field 'checks[RMP-TEST-001].cwe': expected a list such as [CWE-319]")]
    [InlineData("verifies: {\"2022\": \"3\", \"2026\": \"3.1\"}", "verifies: {}", "field 'checks[RMP-TEST-001].verifies': missing field 'verifies'")]
    [InlineData("verifies: {\"2022\": \"3\", \"2026\": \"3.1\"}", "verifies: {\"2022\": \"3\", \"2022\": \"4\"}", "field 'checks[RMP-TEST-001].verifies': key '2022' is given twice")]
    [InlineData("verifies: {\"2022\": \"3\", \"2026\": \"3.1\"}", "verifies: {\"2022\": \"three\"}", "field 'checks[RMP-TEST-001].verifies.2022': 'three' is not a requirement id")]
    [InlineData("verifies: {\"2022\": \"3\", \"2026\": \"3.1\"}", "verifies: {\"2022\": }", "field 'checks[RMP-TEST-001].verifies.2022': '' is not a requirement id")]
    [InlineData("verifies: {\"2022\": \"3\", \"2026\": \"3.1\"}", "verifies: {\"2022\": [\"3\"]}", "field 'checks[RMP-TEST-001].verifies': expected a single value, found a list")]
    [InlineData("verifies: {\"2022\": \"3\", \"2026\": \"3.1\"}", "verifies: \"3\"", "field 'checks[RMP-TEST-001].verifies': expected a mapping such as")]
    [InlineData("\n    remediation: >-\n      Fix it\n      everywhere.", "", "field 'checks[RMP-TEST-001].remediation': missing field 'remediation'")]
    public void Invalid_field_is_named_with_its_check(string replace, string with, string expected)
    {
        OneCheck.ShouldContain(replace);

        var error = Fails(OneCheck.Replace(replace, with, StringComparison.Ordinal));

        error.Message.ShouldStartWith("checks.yaml, line ");
        error.Message.ShouldContain(expected);
        error.Line.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Duplicate_check_id_names_both_lines()
    {
        var error = Fails(OneCheck + "\n" + OneCheck["checks:\n".Length..]);

        error.Message.ShouldBe("checks.yaml, line 13, column 9, field 'checks[RMP-TEST-001].id': duplicate check id 'RMP-TEST-001' (first defined on line 2)");
    }

    [Theory]
    [InlineData("", "the file holds no check list")]
    [InlineData("checks: []\n", "field 'checks': the list needs at least one check")]
    [InlineData("checks:\n  - hello\n", "field 'checks': expected a mapping of fields, found a single value")]
    [InlineData("checks:\n\t- id: RMP-TEST-001\n", "line 2, column 1: a tab is used for indentation")]
    [InlineData("\"unterminated\n", "not a valid check list")]
    public void Files_that_are_no_check_list_are_rejected(string yaml, string expected) =>
        Fails(yaml).Message.ShouldContain(expected);

    [Fact]
    public void A_second_document_is_rejected() =>
        Fails(OneCheck + "\n---\nchecks: []\n").Message.ShouldContain("a check list file holds one YAML document, but a second one starts here");

    private static CheckRegistry Load(string yaml) => CheckRegistry.Load("checks.yaml", new StringReader(yaml));

    private static CatalogException Fails(string yaml) => Should.Throw<CatalogException>(() => Load(yaml));
}
