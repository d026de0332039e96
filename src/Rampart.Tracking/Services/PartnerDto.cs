namespace Rampart.Tracking;

public sealed record PartnerDto(Guid Id, string Name, string SecurityContactEmail, DateTimeOffset CreatedAt);
