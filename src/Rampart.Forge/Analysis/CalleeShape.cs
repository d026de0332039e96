namespace Rampart.Forge.Analysis;

/// <summary>The shape of a callee the walk can follow into the app's own code.</summary>
public abstract record CalleeShape
{
    public static readonly CalleeShape None = new NoCallee();

    private sealed record NoCallee : CalleeShape;
}

/// <summary><c>name(...)</c>.</summary>
public sealed record NamedCallee(string Name) : CalleeShape;

/// <summary><c>this.method(...)</c>.</summary>
public sealed record ThisMethodCallee(string Method) : CalleeShape;

/// <summary><c>owner.method(...)</c>; <c>ConstructedFrom</c> is the class when <c>owner</c> is bound to <c>new Class(...)</c>.</summary>
public sealed record MemberCallee(string Owner, string Method, string? ConstructedFrom) : CalleeShape;
