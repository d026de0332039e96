using System.Text;
using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

/// <summary>Loads the descriptors under Connect/Descriptors and parses inline ones.</summary>
internal static class DescriptorFixtures
{
    public static readonly Uri DescriptorUrl = new("https://cdn.acme-app.example.com/atlassian-connect.json");

    public static byte[] Bytes(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Connect", "Descriptors", fileName));

    public static ConnectDescriptor ParseFile(string fileName) =>
        ConnectDescriptorParser.Parse(Bytes(fileName), DescriptorUrl);

    public static ConnectDescriptor ParseText(string json) =>
        ConnectDescriptorParser.Parse(Encoding.UTF8.GetBytes(json), DescriptorUrl);

    /// <summary>A minimal valid descriptor around <paramref name="modules"/> (a JSON object's text).</summary>
    public static ConnectDescriptor ParseModules(string modules, string baseUrl = "https://acme-app.example.com/connect/") =>
        ParseText($$"""{"key": "k", "name": "n", "baseUrl": "{{baseUrl}}", "modules": {{modules}}}""");

    public static DescriptorException FailFile(string fileName) =>
        Should.Throw<DescriptorException>(() => ParseFile(fileName));

    public static DescriptorException FailText(string json) =>
        Should.Throw<DescriptorException>(() => ParseText(json));

    public static DescriptorException FailBytes(byte[] bytes, int maxBytes = ConnectDescriptorParser.DefaultMaxBytes) =>
        Should.Throw<DescriptorException>(() => ConnectDescriptorParser.Parse(bytes, DescriptorUrl, maxBytes));

    /// <summary>One line per endpoint, so a failing comparison shows exactly which endpoint differs and how.</summary>
    public static string Describe(ConnectEndpoint e)
    {
        var text = new StringBuilder()
            .Append(e.Role).Append(' ')
            .Append(e.ModuleType).Append('/').Append(e.ModuleKey ?? "-").Append(' ')
            .Append(e.Url.AbsoluteUri).Append(" @ ").Append(e.JsonPath);
        if (e.Lifecycle is { } lifecycle)
        {
            text.Append(" lifecycle=").Append(lifecycle);
        }

        if (e.IsAdmin)
        {
            text.Append(" admin");
        }

        if (e.Cacheable)
        {
            text.Append(" cacheable");
        }

        if (e.IsThirdParty)
        {
            text.Append(" third-party");
        }

        return text.ToString();
    }
}
