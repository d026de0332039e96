using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Partners (vendors) and their security contacts.</summary>
public sealed class PartnerService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time)
{
    public async Task<PartnerDto> CreateAsync(Actor actor, CreatePartnerRequest request, CancellationToken cancellationToken = default)
    {
        Access.RequireStaff(actor, "create partners");
        ArgumentNullException.ThrowIfNull(request);
        new Validate()
            .Required("name", request.Name, 200)
            .Required("securityContactEmail", request.SecurityContactEmail, 254)
            .Email("securityContactEmail", request.SecurityContactEmail)
            .ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var partner = new PartnerEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            SecurityContactEmail = request.SecurityContactEmail.Trim(),
            CreatedAt = now,
        };
        db.Partners.Add(partner);
        db.Audit.Add(AuditRecord.Create(now, actor, "partner.created", AuditRecord.Partner(partner.Id), null, $"{partner.Name} <{partner.SecurityContactEmail}>", null));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToDto(partner);
    }

    public async Task<PartnerDto> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        Access.RequireReader(actor, "partners");
        var scope = Access.PartnerScope(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var partner = await db.Partners.AsNoTracking()
            .Where(p => p.Id == id && (scope == null || p.Id == scope))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return partner is null ? throw new NotFoundException($"no partner with id {id}") : ToDto(partner);
    }

    public async Task<IReadOnlyList<PartnerDto>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        Access.RequireReader(actor, "partners");
        var scope = Access.PartnerScope(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var partners = await db.Partners.AsNoTracking()
            .Where(p => scope == null || p.Id == scope)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return partners.Select(ToDto).ToList();
    }

    private static PartnerDto ToDto(PartnerEntity p) => new(p.Id, p.Name, p.SecurityContactEmail, p.CreatedAt);
}
