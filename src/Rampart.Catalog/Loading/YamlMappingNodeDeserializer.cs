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
        Scalar? currentKey = null;
        try
        {
            while (!reader.TryConsume<MappingEnd>(out _))
            {
                if (reader.Current is not Scalar key)
                {
                    var at = reader.Current;
                    throw new YamlException(at?.Start ?? Mark.Empty, at?.End ?? Mark.Empty, "expected a field name");
                }

                // Set before moving past the key: the scanner reads ahead, so a syntax error on the next line
                // surfaces while consuming this key and belongs to it.
                currentKey = key;
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

                reader.MoveNext();
                RejectSingleValueForList(reader, property.PropertyType, dto.FieldPath(key.Value));
                property.SetValue(dto, nestedObjectDeserializer(reader, property.PropertyType));
            }
        }
        catch (CatalogFieldException)
        {
            throw;
        }
        catch (YamlException ex) when (currentKey is not null || dto.Path.Length > 0)
        {
            var deepest = Deepest(ex);
            var field = currentKey is null ? dto.Path : dto.FieldPath(currentKey.Value);
            // Only the scanner and parser read past a value; errors raised by the DTO deserializers lie inside it.
            var afterField = deepest is SyntaxErrorException or SemanticErrorException
                && currentKey is not null && deepest.Start.Line > currentKey.Start.Line;
            throw new CatalogFieldException(deepest.Start, deepest.End, field, Describe(deepest), ex) { AfterField = afterField };
        }

        value = dto;
        return true;
    }

    // Without this YamlDotNet reports "Invalid cast from String to List" for `appliesTo: connect`.
    private static void RejectSingleValueForList(IParser reader, Type propertyType, string field)
    {
        if (!propertyType.IsGenericType || propertyType.GetGenericTypeDefinition() != typeof(List<>))
        {
            return;
        }

        switch (reader.Current)
        {
            case MappingStart mapping:
                throw new CatalogFieldException(mapping.Start, mapping.End, field, "expected a list such as [a, b], found a mapping");
            case Scalar scalar when !YamlTextNodeDeserializer.IsNull(scalar):
                throw new CatalogFieldException(scalar.Start, scalar.End, field,
                    $"expected a list such as [{scalar.Value}], found the single value '{scalar.Value}'");
        }
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
