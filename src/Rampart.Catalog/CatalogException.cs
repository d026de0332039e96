using YamlDotNet.Core;

namespace Rampart.Catalog;

/// <summary>A catalog could not be loaded or a catalog question has no answer (e.g. no catalog in effect).</summary>
/// <remarks>
/// Errors in a catalog file carry the file, the 1-based line and column and the field, so a catalog author can go
/// straight to the mistake; the message repeats them for people who only see the text.
/// </remarks>
public sealed class CatalogException : Exception
{
    public CatalogException()
    {
    }

    public CatalogException(string message)
        : base(message)
    {
    }

    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal CatalogException(string sourceName, Mark at, string? field, string problem, Exception? innerException = null,
        bool afterField = false)
        : base(Describe(sourceName, at, field, problem, afterField), innerException)
    {
        SourceName = sourceName;
        Line = at.Line;
        Column = at.Column;
        Field = field;
    }

    /// <summary>The catalog file (or source name given to <see cref="CatalogRegistry.Load"/>) that is wrong.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line of the offending YAML node.</summary>
    public long? Line { get; }

    /// <summary>1-based column of the offending YAML node.</summary>
    public long? Column { get; }

    /// <summary>
    /// Path of the field that is wrong, e.g. <c>requirements[6.2].appliesTo</c>, or for a syntax error on a later line
    /// the field just before it; null when no field can be named.
    /// </summary>
    public string? Field { get; }

    private static string Describe(string sourceName, Mark at, string? field, string problem, bool afterField) =>
        field is null
            ? $"{sourceName}, line {at.Line}, column {at.Column}: {problem}"
            : $"{sourceName}, line {at.Line}, column {at.Column}, {(afterField ? "after " : "")}field '{field}': {problem}";
}
