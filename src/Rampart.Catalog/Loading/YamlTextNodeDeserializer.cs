using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Rampart.Catalog.Loading;

/// <summary>Reads a scalar into <see cref="YamlText"/>, keeping its position; lists and mappings are refused.</summary>
internal sealed class YamlTextNodeDeserializer : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer,
        out object? value, ObjectDeserializer rootDeserializer)
    {
        if (expectedType != typeof(YamlText))
        {
            value = null;
            return false;
        }

        if (!reader.TryConsume<Scalar>(out var scalar))
        {
            var current = reader.Current;
            var found = current is SequenceStart ? "a list" : current is MappingStart ? "a mapping" : "no value";
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, $"expected a single value, found {found}");
        }

        // This deserializer runs before YamlDotNet's null handling, so an empty or null plain scalar is decided here;
        // quoted "" and "null" stay text.
        value = IsNull(scalar) ? null : new YamlText(scalar.Value, scalar.Start);
        return true;
    }

    public static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
}
