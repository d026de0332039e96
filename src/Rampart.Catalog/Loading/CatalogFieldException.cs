using YamlDotNet.Core;

namespace Rampart.Catalog.Loading;

/// <summary>A deserialization error already attributed to a field; outer mappings pass it on unchanged.</summary>
internal sealed class CatalogFieldException : YamlException
{
    public CatalogFieldException(Mark start, Mark end, string field, string problem)
        : base(start, end, problem)
    {
        Field = field;
        Problem = problem;
    }

    public CatalogFieldException(Mark start, Mark end, string field, string problem, Exception innerException)
        : base(start, end, problem, innerException)
    {
        Field = field;
        Problem = problem;
    }

    public string Field { get; }

    public string Problem { get; }

    /// <summary>The error lies on a line after the field's key (typically bad indentation), not in the field itself.</summary>
    public bool AfterField { get; init; }
}
