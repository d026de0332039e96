using System.Text.Json;

namespace Rampart.Scanning.Connect;

/// <summary>Reads an <c>atlassian-connect.json</c> descriptor into a <see cref="ConnectDescriptor"/>.</summary>
public static class ConnectDescriptorParser
{
    public const int DefaultMaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Used when <c>authentication</c> or its <c>type</c> is missing or empty. Atlassian's descriptor reference gives
    /// <c>jwt</c> as the default of <c>authentication.type</c> ("if the type is not supplied it will default to jwt").
    /// Treating a missing type as <c>none</c> would also wave every endpoint past the authentication check, the one
    /// mistake a security scanner must not make by default.
    /// </summary>
    public const string DefaultAuthenticationType = "jwt";

    /// <summary>Parses and validates a descriptor and extracts every endpoint it names.</summary>
    /// <param name="utf8Json">The descriptor as received: UTF-8, with or without a byte order mark.</param>
    /// <param name="descriptorUrl">Where it came from; an endpoint on this host is the app's own, not third-party.</param>
    /// <param name="maxBytes">Larger input is refused before it is parsed.</param>
    /// <exception cref="DescriptorException">
    /// The descriptor is unusable. The message says what is wrong and where: a JSON path
    /// (<c>$.modules.generalPages[0].url: expected a string, found a number</c>), or a 1-based line and byte for text
    /// that is not JSON. Every problem with the descriptor's content is reported this way and no other.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="descriptorUrl"/> is relative or <paramref name="maxBytes"/> is not positive (caller errors).</exception>
    public static ConnectDescriptor Parse(ReadOnlyMemory<byte> utf8Json, Uri descriptorUrl, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(descriptorUrl);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (!descriptorUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The descriptor URL must be absolute (use a file: URI for a local file).", nameof(descriptorUrl));
        }

        var json = DescriptorInput.Check(utf8Json, maxBytes);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DescriptorInput.DocumentOptions);
        }
        catch (JsonException ex)
        {
            // Unreachable while DescriptorInput applies the same rules; kept so a future drift between the two
            // still yields a DescriptorException rather than an unexplained crash.
            throw new DescriptorException($"descriptor is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return Read(document.RootElement, descriptorUrl);
        }
    }

    private static ConnectDescriptor Read(JsonElement root, Uri descriptorUrl)
    {
        const string path = JsonPathText.Root;
        DescriptorJson.RequireObject(root, path);

        // Fields are read in a fixed order so that a descriptor with several problems always reports the same one.
        var key = DescriptorJson.RequireNonEmptyString(root, "key", path);
        var name = DescriptorJson.RequireNonEmptyString(root, "name", path);
        var baseUrl = ReadBaseUrl(root);
        var authenticationType = ReadAuthenticationType(root);
        var (signedInstall, contextQsh) = ReadApiMigrations(root);
        var scopes = ReadScopes(root);

        var urls = new EndpointUrlResolver(baseUrl, descriptorUrl);
        var endpoints = new EndpointList();
        var modules = new ModuleWalker(urls, endpoints);

        // Walking the root's members in order keeps the endpoint list in document order. A duplicated key is
        // walked every time it appears: every URL written in the descriptor is a candidate endpoint.
        foreach (var member in root.EnumerateObject())
        {
            var memberPath = JsonPathText.Property(path, member.Name);
            if (member.NameEquals("lifecycle"))
            {
                LifecycleCallbacks.Collect(member.Value, memberPath, urls, endpoints);
            }
            else if (member.NameEquals("modules"))
            {
                modules.Collect(member.Value, memberPath);
            }
        }

        return new ConnectDescriptor(descriptorUrl, key, name, baseUrl, authenticationType, signedInstall, contextQsh,
            scopes, endpoints.ToArray(), DescriptorStrings.Collect(root));
    }

    private static Uri ReadBaseUrl(JsonElement root)
    {
        var path = JsonPathText.Property(JsonPathText.Root, "baseUrl");
        var text = DescriptorJson.RequireNonEmptyString(root, "baseUrl", JsonPathText.Root);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var baseUrl)
            || baseUrl.Scheme is not ("http" or "https")
            || baseUrl.Host.Length == 0)
        {
            throw new DescriptorException($"expected an absolute http(s) URL, found {DescriptorJson.Quote(text)}", path);
        }

        return baseUrl;
    }

    private static string ReadAuthenticationType(JsonElement root)
    {
        if (!root.TryGetProperty("authentication", out var authentication))
        {
            return DefaultAuthenticationType;
        }

        var path = JsonPathText.Property(JsonPathText.Root, "authentication");
        DescriptorJson.RequireObject(authentication, path);
        var type = DescriptorJson.OptionalString(authentication, "type", path);
        return string.IsNullOrWhiteSpace(type) ? DefaultAuthenticationType : type.Trim().ToLowerInvariant();
    }

    private static (bool SignedInstall, bool ContextQsh) ReadApiMigrations(JsonElement root)
    {
        if (!root.TryGetProperty("apiMigrations", out var migrations))
        {
            return (false, false);
        }

        var path = JsonPathText.Property(JsonPathText.Root, "apiMigrations");
        DescriptorJson.RequireObject(migrations, path);
        return (DescriptorJson.OptionalBoolean(migrations, "signed-install", path) == true,
            DescriptorJson.OptionalBoolean(migrations, "context-qsh", path) == true);
    }

    /// <summary>Upper-cased, since the product accepts either case; a scope repeated in another case is listed once.</summary>
    private static IReadOnlyList<string> ReadScopes(JsonElement root)
    {
        if (!root.TryGetProperty("scopes", out var scopes))
        {
            return [];
        }

        var path = JsonPathText.Property(JsonPathText.Root, "scopes");
        DescriptorJson.RequireArray(scopes, path);
        var result = new List<string>();
        var index = 0;
        foreach (var scope in scopes.EnumerateArray())
        {
            var upper = DescriptorJson.RequireString(scope, JsonPathText.Index(path, index++)).Trim().ToUpperInvariant();
            if (!result.Contains(upper, StringComparer.Ordinal))
            {
                result.Add(upper);
            }
        }

        return result.ToArray();
    }
}
