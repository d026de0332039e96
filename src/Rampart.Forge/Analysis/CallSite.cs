using Rampart.Forge.Code;

namespace Rampart.Forge.Analysis;

/// <summary>
/// Everything the call-graph walk needs to know about one call expression, worked out from the file's syntax while it
/// was in hand (what API it is, its route, its arguments' names, how to find its target).
/// </summary>
public sealed record CallSite(SourceSpot Spot)
{
    public bool IsAuthorize { get; init; }

    /// <summary>The callee's name is a verification function (<c>timingSafeEqual</c>, <c>verify</c>...).</summary>
    public bool IsVerify { get; init; }

    public ProductCall? Product { get; init; }

    /// <summary>Forge storage access: null, "read" or "write".</summary>
    public string? Storage { get; init; }

    public bool IsGetSecret { get; init; }

    public bool IsOutbound { get; init; }

    public string[] UrlReferences { get; init; } = [];

    public bool UrlHasFixedOrigin { get; init; }

    /// <summary>The outbound request's constant <c>method</c> option, upper-cased, or null.</summary>
    public string? OutboundMethod { get; init; }

    /// <summary>A Forge SQL statement whose constant text starts with INSERT, UPDATE, DELETE or REPLACE.</summary>
    public bool IsSqlWrite { get; init; }

    /// <summary>Names referenced by each of the first 32 arguments.</summary>
    public string[][] ArgumentReferences { get; init; } = [];

    /// <summary>Names of the arguments that are plain identifiers (callbacks passed by name), in order.</summary>
    public string[] IdentifierArguments { get; init; } = [];

    public CalleeShape Callee { get; init; } = CalleeShape.None;
}
