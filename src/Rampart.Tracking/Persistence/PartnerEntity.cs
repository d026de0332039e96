namespace Rampart.Tracking.Persistence;

public sealed class PartnerEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string SecurityContactEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
