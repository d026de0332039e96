namespace Rampart.Tracking;

/// <param name="LocationPattern">Optional glob over finding locations (<c>*</c> any run of characters, <c>?</c> one); null matches every location.</param>
public sealed record GrantExceptionRequest(string AppKey, string RequirementId, string? LocationPattern, string Reason, DateTimeOffset ExpiresAt);
