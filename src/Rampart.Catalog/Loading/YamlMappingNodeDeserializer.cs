using System.Collections.Concurrent;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Rampart.Catalog.Loading;

/// <summary>
/// Reads a YAML mapping into a <see cref="YamlMapping"/> DTO. It replaces YamlDotNet's object deserializer for the
/// DTOs so that an unknown or repeated key is a clear error (typo protection) and every failure below a key is
/// attributed to that key's field path.
/// </summary>
internal sealed class YamlMappingNodeDeserializer : INodeDeserializer
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> FieldsByType = new();

    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer,
        out object? value, ObjectDeserializer rootDeserializer)
    {
        if (!typeof(YamlMapping).IsAssignableFrom(expectedType))
        {
            value = null;
            return false;
        }

        if (!reader.TryConsume<MappingStart>(out var mappingStart))
        {
            var current = reader.Current;
            var found = current is SequenceStart ? "a list" : current is Scalar ? "a single value" : "nothing";
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty,
                $"expected a mapping of fields, found {found}");
        }

        var dto = (YamlMapping)Activator.CreateInstance(expectedType)!;
        dto.Start = mappingStart.Start;
        var fields = FieldsByType.GetOrAdd(expectedType, FieldsOf);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? lastKey = null;
        try
        {
            while (!reader.TryConsume<MappingEnd>(out _))
            {
                if (!reader.TryConsume<Scalar>(out var key))
                {
                    var at = reader.Current;
                    throw new YamlException(at?.Start ?? Mark.Empty, at?.End ?? Mark.Empty, "expected a field name");
                }

                if (!fields.TryGetValue(key.Value, out var property))
                {
                    throw new CatalogFieldException(key.Start, key.End, dto.FieldPath(key.Value),
                        $"unknown field '{key.Value}'; expected one of: {string.Join(", ", fields.Keys)}");
                }

                if (!seen.Add(key.Value))
                {
                    throw new CatalogFieldException(key.Start, key.End, dto.FieldPath(key.Value),
                        $"field '{key.Value}' is given twice");
                }

                lastKey = key.Value;
                property.SetValue(dto, nestedObjectDeserializer(reader, property.PropertyType));
            }
        }
        catch (CatalogFieldException)
        {
            throw;
        }
        catch (YamlException ex) when (lastKey is not null || dto.Path.Length > 0)
        {
            // A syntax error surfaces while reading the value after the last key (or the key after it), so that key
            // is the best field to name; the mark still points at the exact spot.
            var deepest = Deepest(ex);
            var field = lastKey is null ? dto.Path : dto.FieldPath(lastKey);
            throw new CatalogFieldException(deepest.Start, deepest.End, field, Describe(deepest), ex);
        }

        value = dto;
        return true;
    }

    internal static YamlException Deepest(YamlException ex)
    {
        var deepest = ex;
        while (deepest.InnerException is YamlException inner)
        {
            deepest = inner;
        }

        return deepest;
    }

    internal static string Describe(YamlException ex) =>
        ex.InnerException is { } inner and not YamlException ? $"{ex.Message} ({inner.Message})" : ex.Message;

    private static IReadOnlyDictionary<string, PropertyInfo> FieldsOf(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(p => p.CanWrite)
            .ToDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], StringComparer.Ordinal);
}
