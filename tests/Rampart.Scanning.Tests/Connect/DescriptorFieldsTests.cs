using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

/// <summary>The descriptor-wide fields: authentication, API migrations, scopes and the string inventory.</summary>
public sealed class DescriptorFieldsTests
{
    private static ConnectDescriptor With(string members) =>
        DescriptorFixtures.ParseText($$"""{"key": "k", "name": "n", "baseUrl": "https://a.example/"{{members}}}""");

    [Theory]
    [InlineData("", "jwt")]
    [InlineData(""", "authentication": {}""", "jwt")]
    [InlineData(""", "authentication": {"type": ""}""", "jwt")]
    [InlineData(""", "authentication": {"type": "jwt"}""", "jwt")]
    [InlineData(""", "authentication": {"type": "JWT"}""", "jwt")]
    [InlineData(""", "authentication": {"type": "none"}""", "none")]
    [InlineData(""", "authentication": {"type": " NONE "}""", "none")]
    [InlineData(""", "authentication": {"type": "oauth"}""", "oauth")]
    public void Authentication_type_is_lower_cased_and_defaults_to_jwt(string members, string expected)
    {
        var descriptor = With(members);
        descriptor.AuthenticationType.ShouldBe(expected);
        descriptor.UsesJwt.ShouldBe(expected == "jwt");
    }

    [Theory]
    [InlineData("", false, false)]
    [InlineData(""", "apiMigrations": {}""", false, false)]
    [InlineData(""", "apiMigrations": {"signed-install": true}""", true, false)]
    [InlineData(""", "apiMigrations": {"context-qsh": true}""", false, true)]
    [InlineData(""", "apiMigrations": {"signed-install": false, "context-qsh": false, "gdpr": true}""", false, false)]
    public void Api_migrations(string members, bool signedInstall, bool contextQsh)
    {
        var descriptor = With(members);
        descriptor.SignedInstall.ShouldBe(signedInstall);
        descriptor.ContextQsh.ShouldBe(contextQsh);
    }

    [Fact]
    public void Scopes_are_upper_cased_in_declared_order_without_repeats()
    {
        With(""", "scopes": ["read", "Write", "READ", "act_as_user"]""").Scopes.ShouldBe(["READ", "WRITE", "ACT_AS_USER"]);
        With("").Scopes.ShouldBeEmpty();
    }

    [Fact]
    public void A_descriptor_without_modules_or_lifecycle_has_no_endpoints()
    {
        var descriptor = With("");
        descriptor.Endpoints.ShouldBeEmpty();
        descriptor.Strings.Select(s => s.JsonPath).ShouldBe(["$.key", "$.name", "$.baseUrl"]);
    }

    [Fact]
    public void Strings_use_bracket_paths_for_keys_that_are_not_identifiers()
    {
        var descriptor = With(""", "x": {"signed-install": "a", "jira:issueGlance": ["b"], "it's": "c", "2fa": "d", "_ok": "e"}""");
        descriptor.Strings.Skip(3).ShouldBe(
        [
            new DescriptorString("$.x['signed-install']", "a"),
            new DescriptorString("$.x['jira:issueGlance'][0]", "b"),
            new DescriptorString("$.x['it\\'s']", "c"),
            new DescriptorString("$.x['2fa']", "d"),
            new DescriptorString("$.x._ok", "e"),
        ]);
    }

    [Fact]
    public void Control_characters_in_keys_are_escaped_in_paths()
    {
        var error = DescriptorFixtures.FailText("""{"key": "k", "name": "n", "baseUrl": "https://a.example/", "modules": {"evil\nERROR forged\u001b[0m": 5}}""");
        error.Message.ShouldBe("$.modules['evil\\u000aERROR forged\\u001b[0m']: expected an object or an array of objects, found a number");
    }

    [Fact]
    public void Strings_include_every_copy_of_a_repeated_key()
    {
        var descriptor = With(""", "vendor": {"token": "first", "token": "second"}""");
        descriptor.Strings.Where(s => s.JsonPath == "$.vendor.token").Select(s => s.Value).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void A_repeated_header_field_takes_its_last_value_as_json_parsers_do()
    {
        var descriptor = DescriptorFixtures.ParseText("""{"key": "k", "name": "n", "baseUrl": "https://old.example/", "baseUrl": "https://new.example/"}""");
        descriptor.BaseUrl.ShouldBe(new Uri("https://new.example/"));
    }

    [Fact]
    public void Values_are_unescaped()
    {
        var descriptor = With(""", "modules": {"generalPages": [{"key": "p\u00e9", "url": "\/page\u0021"}]}""");
        var endpoint = descriptor.Endpoints.Single();
        endpoint.ModuleKey.ShouldBe("pé");
        endpoint.Template.ShouldBe("/page!");
        endpoint.Url.AbsoluteUri.ShouldBe("https://a.example/page!");
    }

    [Fact]
    public void Argument_errors_are_the_callers()
    {
        Should.Throw<ArgumentException>(() => ConnectDescriptorParser.Parse("{}"u8.ToArray(), new Uri("relative/descriptor.json", UriKind.Relative)));
        Should.Throw<ArgumentOutOfRangeException>(() => ConnectDescriptorParser.Parse("{}"u8.ToArray(), DescriptorFixtures.DescriptorUrl, maxBytes: 0));
    }
}
