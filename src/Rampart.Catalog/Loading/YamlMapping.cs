using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>Base of the catalog DTOs: a YAML mapping that remembers where it starts.</summary>
internal abstract class YamlMapping
{
    public Mark Start { get; set; }

    /// <summary>How error messages name this mapping; empty for the document root.</summary>
    public abstract string Path { get; }

    /// <summary>How error messages name one of this mapping's fields.</summary>
    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
