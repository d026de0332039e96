using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Rampart.DemoApps.Connect;

/// <summary>
/// Public keys for signed installs, by <c>kid</c>. A real app fetches them from Atlassian's key CDN; the demo has no
/// network, so it starts empty and every key the scanner can present is unknown.
/// </summary>
internal sealed class InstallKeyStore : IDisposable
{
    private readonly ConcurrentDictionary<string, RSA> keys = new(StringComparer.Ordinal);

    public void Add(string keyId, RSA key)
    {
        // A copy of the public half only: the caller keeps ownership of its key object.
        var copy = RSA.Create(key.ExportParameters(false));
        if (keys.TryGetValue(keyId, out var previous) && keys.TryUpdate(keyId, copy, previous))
        {
            previous.Dispose();
        }
        else if (!keys.TryAdd(keyId, copy))
        {
            copy.Dispose();
        }
    }

    public RSA? Find(string? keyId) =>
        !string.IsNullOrEmpty(keyId) && keys.TryGetValue(keyId, out var key) ? key : null;

    public void Dispose()
    {
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }

        keys.Clear();
    }
}
