using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>A scalar from a catalog file together with where it was written, so validation can point at it.</summary>
internal sealed record YamlText(string Value, Mark Start);
