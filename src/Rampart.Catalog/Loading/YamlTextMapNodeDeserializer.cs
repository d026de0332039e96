using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Rampart.Catalog.Loading;

/// <summary>Reads a mapping of single values into <see cref="YamlTextMap"/>; a repeated key is an error, not a silent overwrite.</summary>
internal sealed class YamlTextMapNodeDeserializer : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer,
        out object? value, ObjectDeserializer rootDeserializer)
    {
        if (expectedType != typeof(YamlTextMap))
        {
            value = null;
            return false;
        }

        if (!reader.TryConsume<MappingStart>(out var start))
        {
            var current = reader.Current;
            var found = current is SequenceStart ? "a list" : current is Scalar scalar ? $"the single value '{scalar.Value}'" : "nothing";
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty,
                $"expected a mapping such as {{\"2026\": \"1.1\"}}, found {found}");
        }

        var entries = new List<KeyValuePair<YamlText, YamlText?>>();
        while (!reader.TryConsume<MappingEnd>(out _))
        {
            var key = Single(reader);
            if (entries.Exists(e => e.Key.Value == key.Value))
            {
                throw new YamlException(key.Start, key.Start, $"key '{key.Value}' is given twice");
            }

            var item = Single(reader);
            entries.Add(new(key, string.IsNullOrWhiteSpace(item.Value) ? null : item));
        }

        value = new YamlTextMap(start.Start, entries.AsReadOnly());
        return true;
    }

    private static YamlText Single(IParser reader)
    {
        if (reader.TryConsume<Scalar>(out var scalar))
        {
            return new YamlText(YamlTextNodeDeserializer.IsNull(scalar) ? "" : scalar.Value, scalar.Start);
        }

        var current = reader.Current;
        var found = current is SequenceStart ? "a list" : current is MappingStart ? "a mapping" : "no value";
        throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, $"expected a single value, found {found}");
    }
}
