namespace Rampart.DemoApps.Connect;

/// <summary>The verdict on a presented Connect JWT: the tenant and user it stands for, or why it was refused.</summary>
internal sealed record AuthResult(Installation? Installation, string? AccountId, string? Failure)
{
    public bool Succeeded => Failure is null;

    public static AuthResult Accept(Installation installation, string? accountId) => new(installation, accountId, null);

    public static AuthResult Refuse(string reason) => new(null, null, reason);
}
