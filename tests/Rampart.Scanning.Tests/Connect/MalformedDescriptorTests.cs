using System.Text;
using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

/// <summary>Every unusable descriptor is a <see cref="DescriptorException"/> that says what is wrong and where.</summary>
public sealed class MalformedDescriptorTests
{
    private const string Valid = """{"key": "k", "name": "n", "baseUrl": "https://acme-app.example.com/"}""";

    [Fact]
    public void Truncated_json_names_the_line_and_byte()
    {
        var error = DescriptorFixtures.FailFile("truncated.json");
        error.Message.ShouldStartWith("descriptor is not valid JSON at line 7, byte ");
        error.JsonPath.ShouldBeNull();
        error.InnerException.ShouldBeAssignableTo<System.Text.Json.JsonException>();
    }

    [Fact]
    public void Html_instead_of_json_says_so()
    {
        var error = DescriptorFixtures.FailFile("not-json.html");
        error.Message.ShouldBe("descriptor is not valid JSON at line 1, byte 1: '<' is an invalid start of a value. (the content looks like HTML or XML, not JSON)");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var descriptor = DescriptorFixtures.ParseFile("bom.json");
        descriptor.Key.ShouldBe("com.acme.bom");
        descriptor.Endpoints.Single().Url.AbsoluteUri.ShouldBe("https://acme-app.example.com/p");
    }

    [Fact]
    public void A_utf16_byte_order_mark_is_refused()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray();
        DescriptorFixtures.FailBytes(bytes).Message.ShouldBe(
            "descriptor is UTF-16 encoded (it starts with a UTF-16 byte order mark); JSON must be UTF-8");
    }

    [Fact]
    public void Modules_as_a_list_names_the_path()
    {
        var error = DescriptorFixtures.FailFile("modules-array.json");
        error.Message.ShouldBe("$.modules: expected an object, found an array");
        error.JsonPath.ShouldBe("$.modules");
    }

    [Fact]
    public void A_url_that_is_a_number_names_the_path()
    {
        DescriptorFixtures.FailFile("url-number.json").Message.ShouldBe("$.modules.generalPages[1].url: expected a string, found a number");
    }

    [Fact]
    public void A_base_url_that_is_a_number_names_the_path()
    {
        DescriptorFixtures.FailFile("baseurl-number.json").Message.ShouldBe("$.baseUrl: expected a string, found a number");
    }

    [Fact]
    public void A_descriptor_over_the_size_limit_is_refused_before_parsing()
    {
        var bytes = new byte[10 * 1024 * 1024];
        Array.Fill(bytes, (byte)' ');
        Encoding.UTF8.GetBytes(Valid).CopyTo(bytes, 0);

        DescriptorFixtures.FailBytes(bytes).Message.ShouldBe("descriptor is 10.0 MiB, larger than the 5.0 MiB limit");
    }

    [Fact]
    public void Just_over_the_limit_gives_exact_byte_counts()
    {
        var bytes = new byte[ConnectDescriptorParser.DefaultMaxBytes + 1];
        DescriptorFixtures.FailBytes(bytes).Message.ShouldBe("descriptor is 5242881 bytes, larger than the 5242880-byte limit");
    }

    [Fact]
    public void Small_limits_are_stated_in_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid);
        DescriptorFixtures.FailBytes(bytes, maxBytes: 20).Message.ShouldBe($"descriptor is {bytes.Length} bytes, larger than the 20-byte limit");
    }

    [Fact]
    public void A_descriptor_at_the_size_limit_is_parsed()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid);
        ConnectDescriptorParser.Parse(bytes, DescriptorFixtures.DescriptorUrl, maxBytes: bytes.Length).Key.ShouldBe("k");
    }

    [Fact]
    public void Nesting_a_thousand_levels_deep_is_refused_with_the_position()
    {
        var json = $$"""{"key": "k", "name": "n", "baseUrl": "https://a.example/", "x": {{new string('[', 1000)}}{{new string(']', 1000)}}}""";
        var error = DescriptorFixtures.FailText(json);

        // The root object is level 1, so the 64th bracket opens level 65; it is at byte 56 + 63.
        var expectedByte = json.IndexOf('[', StringComparison.Ordinal) + 63 + 1;
        error.Message.ShouldBe($"descriptor is nested more than 64 levels deep at line 1, byte {expectedByte}");
    }

    [Fact]
    public void Nesting_exactly_64_levels_deep_is_accepted()
    {
        // Root object (1) + 63 arrays = 64 levels.
        var json = $$"""{"key": "k", "name": "n", "baseUrl": "https://a.example/", "x": {{new string('[', 63)}}{{new string(']', 63)}}}""";
        DescriptorFixtures.ParseText(json).Key.ShouldBe("k");
    }

    [Fact]
    public void Deep_nesting_on_a_later_line_names_that_line()
    {
        var json = "{\n\"key\": \"k\",\n  \"deep\": " + new string('[', 70) + new string(']', 70) + "}";
        DescriptorFixtures.FailText(json).Message.ShouldBe("descriptor is nested more than 64 levels deep at line 3, byte 74");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Empty_input_is_refused(string text)
    {
        DescriptorFixtures.FailBytes(Encoding.UTF8.GetBytes(text)).Message.ShouldBe("descriptor is empty");
    }

    [Fact]
    public void Comments_are_refused_like_atlassian_does()
    {
        var error = DescriptorFixtures.FailText("{\n  // the app\n  \"key\": \"k\"}");
        error.Message.ShouldStartWith("descriptor is not valid JSON at line 2, byte 3: ");
    }

    [Fact]
    public void Trailing_commas_are_refused_like_atlassian_does()
    {
        var error = DescriptorFixtures.FailText("""{"key": "k", "name": "n", "baseUrl": "https://a.example/",}""");
        error.Message.ShouldStartWith("descriptor is not valid JSON at line 1, byte ");
        error.Message.ShouldContain("trailing comma");
    }

    [Fact]
    public void Invalid_utf8_in_a_string_names_the_position()
    {
        // 0xC3 starts a two-byte sequence; '(' cannot continue it.
        byte[] bytes = [.. "{\n  \"key\": \"k"u8, 0xC3, (byte)'(', .. "\"}"u8];

        DescriptorFixtures.FailBytes(bytes).Message.ShouldBe(
            "descriptor holds a string that is not valid UTF-8 or has an unpaired surrogate escape at line 2, byte 10");
    }

    [Fact]
    public void An_unpaired_surrogate_escape_names_the_position()
    {
        DescriptorFixtures.FailText("""{"key": "\ud800"}""").Message.ShouldBe(
            "descriptor holds a string that is not valid UTF-8 or has an unpaired surrogate escape at line 1, byte 9");
    }

    [Theory]
    [InlineData("[]", "$: expected an object, found an array")]
    [InlineData("\"descriptor\"", "$: expected an object, found a string")]
    [InlineData("null", "$: expected an object, found null")]
    public void The_root_must_be_an_object(string json, string message)
    {
        DescriptorFixtures.FailText(json).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("""{"name": "n", "baseUrl": "https://a.example/"}""", "$.key: required field is missing")]
    [InlineData("""{"key": "k", "baseUrl": "https://a.example/"}""", "$.name: required field is missing")]
    [InlineData("""{"key": "k", "name": "n"}""", "$.baseUrl: required field is missing")]
    [InlineData("""{"key": " ", "name": "n", "baseUrl": "https://a.example/"}""", "$.key: must not be empty")]
    [InlineData("""{"key": 1, "name": "n", "baseUrl": "https://a.example/"}""", "$.key: expected a string, found a number")]
    [InlineData("""{"key": "k", "name": {"value": "n"}, "baseUrl": "https://a.example/"}""", "$.name: expected a string, found an object")]
    public void Required_fields_must_be_present_strings(string json, string message)
    {
        DescriptorFixtures.FailText(json).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("/connect", "$.baseUrl: expected an absolute http(s) URL, found \"/connect\"")]
    [InlineData("{{localBaseUrl}}", "$.baseUrl: expected an absolute http(s) URL, found \"{{localBaseUrl}}\"")]
    [InlineData("ftp://acme.example/", "$.baseUrl: expected an absolute http(s) URL, found \"ftp://acme.example/\"")]
    [InlineData("file:///etc/passwd", "$.baseUrl: expected an absolute http(s) URL, found \"file:///etc/passwd\"")]
    [InlineData("https://", "$.baseUrl: expected an absolute http(s) URL, found \"https://\"")]
    public void The_base_url_must_be_an_absolute_http_url(string baseUrl, string message)
    {
        DescriptorFixtures.FailText($$"""{"key": "k", "name": "n", "baseUrl": "{{baseUrl}}"}""").Message.ShouldBe(message);
    }

    [Fact]
    public void Control_characters_in_a_quoted_value_are_escaped()
    {
        DescriptorFixtures.FailText("""{"key": "k", "name": "n", "baseUrl": "x\u001b[31m"}""").Message
            .ShouldBe("$.baseUrl: expected an absolute http(s) URL, found \"x\\u001b[31m\"");
    }

    [Theory]
    [InlineData("\"authentication\": \"jwt\"", "$.authentication: expected an object, found a string")]
    [InlineData("\"authentication\": {\"type\": true}", "$.authentication.type: expected a string, found a boolean")]
    [InlineData("\"apiMigrations\": {\"signed-install\": \"true\"}", "$.apiMigrations['signed-install']: expected a boolean, found a string")]
    [InlineData("\"apiMigrations\": {\"context-qsh\": 1}", "$.apiMigrations['context-qsh']: expected a boolean, found a number")]
    [InlineData("\"apiMigrations\": []", "$.apiMigrations: expected an object, found an array")]
    [InlineData("\"scopes\": \"READ\"", "$.scopes: expected an array, found a string")]
    [InlineData("\"scopes\": [\"READ\", null]", "$.scopes[1]: expected a string, found null")]
    [InlineData("\"lifecycle\": [\"/installed\"]", "$.lifecycle: expected an object, found an array")]
    [InlineData("\"lifecycle\": {\"installed\": {\"url\": \"/i\"}}", "$.lifecycle.installed: expected a string, found an object")]
    [InlineData("\"modules\": {\"generalPages\": \"/page\"}", "$.modules.generalPages: expected an object or an array of objects, found a string")]
    [InlineData("\"modules\": {\"generalPages\": [{\"url\": \"/a\"}, \"/b\"]}", "$.modules.generalPages[1]: expected an object, found a string")]
    [InlineData("\"modules\": {\"generalPages\": [{\"key\": 3, \"url\": \"/a\"}]}", "$.modules.generalPages[0].key: expected a string, found a number")]
    [InlineData("\"modules\": {\"dialogs\": [{\"url\": \"/a\", \"cacheable\": \"yes\"}]}", "$.modules.dialogs[0].cacheable: expected a boolean, found a string")]
    [InlineData("\"modules\": {\"x\": {\"renderModes\": {\"pdf\": {\"url\": [\"/a\"]}}}}", "$.modules.x.renderModes.pdf.url: expected a string, found an array")]
    [InlineData("\"modules\": {\"webItems\": [{\"url\": \"/a\", \"conditions\": {\"condition\": \"user_is_admin\"}}]}", "$.modules.webItems[0].conditions: expected an array, found an object")]
    [InlineData("\"modules\": {\"webItems\": [{\"url\": \"/a\", \"conditions\": [\"user_is_admin\"]}]}", "$.modules.webItems[0].conditions[0]: expected an object, found a string")]
    [InlineData("\"modules\": {\"webItems\": [{\"url\": \"/a\", \"conditions\": [{\"condition\": \"user_is_admin\", \"invert\": \"true\"}]}]}", "$.modules.webItems[0].conditions[0].invert: expected a boolean, found a string")]
    [InlineData("\"modules\": {\"webItems\": [{\"url\": \"/a\", \"conditions\": [{\"or\": {\"condition\": \"user_is_admin\"}}]}]}", "$.modules.webItems[0].conditions[0].or: expected an array, found an object")]
    [InlineData("\"modules\": {\"webItems\": [{\"url\": \"/a\", \"conditions\": [{\"condition\": 1}]}]}", "$.modules.webItems[0].conditions[0].condition: expected a string, found a number")]
    [InlineData("\"modules\": {\"webItems\": [{\"url\": \"https://exa mple.com/\"}]}", "$.modules.webItems[0].url: not a valid URL: \"https://exa mple.com/\"")]
    public void Wrong_types_name_the_path(string member, string message)
    {
        DescriptorFixtures.FailText($$"""{"key": "k", "name": "n", "baseUrl": "https://a.example/", {{member}}}""").Message.ShouldBe(message);
    }

    [Fact]
    public void No_prefix_of_a_real_descriptor_escapes_as_another_exception()
    {
        var bytes = DescriptorFixtures.Bytes("realistic-multi-product.json");
        var closingBrace = Array.LastIndexOf(bytes, (byte)'}');
        for (var length = 0; length < closingBrace; length++)
        {
            var prefix = bytes.AsMemory(0, length);
            Should.Throw<DescriptorException>(() => ConnectDescriptorParser.Parse(prefix, DescriptorFixtures.DescriptorUrl),
                $"prefix of {length} bytes");
        }
    }

    [Fact]
    public void Corrupted_bytes_give_a_descriptor_or_a_descriptor_exception_and_nothing_else()
    {
        var original = DescriptorFixtures.Bytes("realistic-multi-product.json");
        var random = new Random(20_260_101);
        byte[] interesting = [(byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)',', (byte)':', (byte)'5', (byte)'\\', 0xC3, 0xFF, 0x00];
        for (var round = 0; round < 2_000; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = interesting[random.Next(interesting.Length)];
            }

            try
            {
                ConnectDescriptorParser.Parse(bytes, DescriptorFixtures.DescriptorUrl);
            }
            catch (DescriptorException)
            {
            }
        }
    }
}
