using Microsoft.EntityFrameworkCore;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking;

/// <summary>Apps and their listing state.</summary>
public sealed class AppService(IDbContextFactory<TrackingDbContext> dbFactory, TimeProvider time)
{
    public async Task<AppDto> CreateAsync(Actor actor, CreateAppRequest request, CancellationToken cancellationToken = default)
    {
        Access.RequireStaff(actor, "create apps");
        ArgumentNullException.ThrowIfNull(request);
        new Validate()
            .Required("key", request.Key, 200).AppKey("key", request.Key)
            .Required("name", request.Name, 200)
            .Required("kind", request.Kind, 32).Kind("kind", request.Kind)
            .Check(request.PartnerId != Guid.Empty, "partnerId", "is required")
            .Url("descriptorUrl", request.DescriptorUrl)
            .ForgeAppId("forgeAppId", request.ForgeAppId)
            .Check(request.ForgeAppId is null || ReportValidation.IsForge(request.Kind), "forgeAppId", "only forge and forge-egress apps have a Forge app id")
            .ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Partners.AnyAsync(p => p.Id == request.PartnerId, cancellationToken).ConfigureAwait(false))
        {
            throw new ValidationException("partnerId", $"no partner with id {request.PartnerId}");
        }

        var now = time.GetUtcNow();
        var app = new AppEntity
        {
            Key = request.Key.Trim(),
            Name = request.Name.Trim(),
            Kind = request.Kind,
            PartnerId = request.PartnerId,
            DescriptorUrl = request.DescriptorUrl,
            ForgeAppId = request.ForgeAppId,
            CreatedAt = now,
            ListingState = ListingState.Listed,
            ListingSince = now,
        };
        db.Apps.Add(app);
        db.Audit.Add(AuditRecord.Create(now, actor, "app.created", AuditRecord.App(app.Key), null, $"{app.Kind} app of partner {app.PartnerId}, listed", null));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"an app with key '{app.Key}' already exists");
        }

        return ToDto(app);
    }

    public async Task<AppDto> GetAsync(Actor actor, string key, CancellationToken cancellationToken = default)
    {
        Access.RequireReader(actor, "apps");
        var scope = Access.PartnerScope(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var app = await db.Apps.AsNoTracking()
            .Where(a => a.Key == key && (scope == null || a.PartnerId == scope))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return app is null ? throw new NotFoundException($"no app with key '{key}'") : ToDto(app);
    }

    public async Task<IReadOnlyList<AppDto>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        Access.RequireReader(actor, "apps");
        var scope = Access.PartnerScope(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var apps = await db.Apps.AsNoTracking()
            .Where(a => scope == null || a.PartnerId == scope)
            .OrderBy(a => a.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return apps.Select(ToDto).ToList();
    }

    internal static AppDto ToDto(AppEntity a) => new(
        a.Key,
        a.Name,
        a.Kind,
        a.PartnerId,
        a.DescriptorUrl,
        a.ForgeAppId,
        new ListingDto(a.ListingState, a.ListingSince, a.ListingCause, ParseIds(a.BlockingTicketIds)));

    internal static IReadOnlyList<long> ParseIds(string? ids) =>
        string.IsNullOrEmpty(ids) ? [] : ids.Split(',').Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
