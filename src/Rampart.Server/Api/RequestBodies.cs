namespace Rampart.Server.Api;

// The API's request bodies. They are the server's own types (not the services' request records) so that the
// wire stays strict — every field listed, unknown ones refused — whatever the domain types look like.

public sealed record CreatePartnerBody(string Name, string SecurityContactEmail);

/// <param name="DescriptorUrl">Connect and Power-Up apps: reports must come from a descriptor of this URL's origin.</param>
/// <param name="ForgeAppId">Forge apps: the manifest's app.id (ari:cloud:ecosystem::app/&lt;uuid&gt;) reports must carry.</param>
public sealed record CreateAppBody(string Key, string Name, string Kind, Guid PartnerId, string? DescriptorUrl = null, string? ForgeAppId = null);

/// <param name="LocationPattern">Only with <c>false-positive</c>: a glob (<c>*</c>, <c>?</c>) over instance locations, as an
/// exception's; the decision covers the open instances it matches.</param>
public sealed record TransitionBody(string To, string? Comment = null, DateTimeOffset? DueDate = null, string? Reason = null, string? LocationPattern = null);

public sealed record CommentBody(string Text);

public sealed record SeverityBody(string CvssVector, string Reason);

public sealed record GrantExceptionBody(string AppKey, string RequirementId, string Reason, DateTimeOffset ExpiresAt, string? LocationPattern = null);

/// <param name="ExpiresInDays">Lifetime in days (default 90).</param>
/// <param name="PartnerId">Partner tokens: the partner they see (required). Ingest tokens: upload only for this partner's apps.</param>
/// <param name="AppKey">Ingest tokens: upload only for this one app.</param>
public sealed record CreateTokenBody(string Role, Guid? PartnerId = null, int? ExpiresInDays = null, string? Name = null, string? AppKey = null);
