using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>A YAML mapping of scalars to scalars (keys not known in advance), in file order, with positions.</summary>
internal sealed record YamlTextMap(Mark Start, IReadOnlyList<KeyValuePair<YamlText, YamlText?>> Entries);
