using System.Net.Mail;
using Rampart.Catalog;

namespace Rampart.Tracking;

/// <summary>Collects field errors so a request reports all of them at once.</summary>
internal sealed class Validate
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    // The spellings come from the catalog, the one place that names app kinds.
    public static readonly IReadOnlySet<string> AppKinds = Enum.GetValues<AppKind>().Select(kind => kind.ToId()).ToHashSet(StringComparer.Ordinal);

    public Validate Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"is longer than {maxLength} characters");
        }

        return this;
    }

    public Validate Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }

        var ok = MailAddress.TryCreate(value.Trim(), out var address)
            && address.DisplayName.Length == 0
            && string.Equals(address.Address, value.Trim(), StringComparison.Ordinal)
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.StartsWith('.')
            && !address.Host.EndsWith('.');
        if (!ok)
        {
            Add(field, $"'{value}' is not an e-mail address (expected name@domain.example)");
        }

        return this;
    }

    public Validate AppKey(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && AppKeyProblem(value) is { } problem)
        {
            Add(field, problem);
        }

        return this;
    }

    /// <summary>Why <paramref name="key"/> is not an app key, or null when it is one: letters, digits, '.', '-' and '_',
    /// starting with a letter or digit and without "..", so a key is safe in a URL path segment and a file name.</summary>
    public static string? AppKeyProblem(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            return $"'{key}' may contain only letters, digits, '.', '-' and '_'";
        }

        return key.Length == 0 || !char.IsAsciiLetterOrDigit(key[0]) || key.Contains("..", StringComparison.Ordinal)
            ? $"'{key}' must start with a letter or digit and must not contain '..'"
            : null;
    }

    /// <summary>A Forge app id as the manifest's <c>app.id</c> holds it: <c>ari:cloud:ecosystem::app/</c> and a UUID.</summary>
    public static bool IsForgeAppId(string? value) =>
        value is not null && value.StartsWith(ForgeAppIdPrefix, StringComparison.Ordinal)
        && value.Length == ForgeAppIdPrefix.Length + 36 && Guid.TryParseExact(value[ForgeAppIdPrefix.Length..], "D", out _);

    public const string ForgeAppIdPrefix = "ari:cloud:ecosystem::app/";

    public Validate ForgeAppId(string field, string? value)
    {
        if (value is not null && !IsForgeAppId(value))
        {
            Add(field, $"'{value}' is not a Forge app id (expected {ForgeAppIdPrefix}<uuid>, as the manifest's app.id)");
        }

        return this;
    }

    public Validate Kind(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !AppKinds.Contains(value))
        {
            Add(field, $"'{value}' is not an app kind; expected one of {string.Join(", ", AppKinds)}");
        }

        return this;
    }

    public Validate Url(string field, string? value)
    {
        if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || value.Length > 2048))
        {
            Add(field, $"'{value}' is not an absolute http(s) URL");
        }

        return this;
    }

    public Validate Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            Add(field, message);
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    private void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
