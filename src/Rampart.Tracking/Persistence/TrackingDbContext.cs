using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rampart.Tracking.Persistence;

/// <summary>The tracker's database. One migrations assembly per provider (Rampart.Tracking.Migrations.*).</summary>
public sealed class TrackingDbContext(DbContextOptions<TrackingDbContext> options) : DbContext(options)
{
    public const string AuditTable = "audit_log";

    public DbSet<PartnerEntity> Partners => Set<PartnerEntity>();

    public DbSet<AppEntity> Apps => Set<AppEntity>();

    public DbSet<TicketEntity> Tickets => Set<TicketEntity>();

    public DbSet<TicketInstanceEntity> Instances => Set<TicketInstanceEntity>();

    public DbSet<CommentEntity> Comments => Set<CommentEntity>();

    public DbSet<ExceptionEntity> Exceptions => Set<ExceptionEntity>();

    public DbSet<ReportEntity> Reports => Set<ReportEntity>();

    public DbSet<TokenEntity> Tokens => Set<TokenEntity>();

    public DbSet<AuditEntity> Audit => Set<AuditEntity>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log is append-only in code too: a modified or deleted audit row never reaches the database.</summary>
    private void GuardAuditAppendOnly()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntity>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"the audit log is append-only: audit entry {entry.Entity.Id} cannot be {entry.State.ToString().ToLowerInvariant()}");
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (IsSqlite)
        {
            // SQLite has no date type: as UTC ticks the columns compare and sort correctly in SQL (due dates, overdue filters).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }

        configurationBuilder.Properties<TicketStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<InstanceState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TicketSeverity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ListingState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<PartnerEntity>(e =>
        {
            e.ToTable("partners");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.SecurityContactEmail).HasMaxLength(254);
        });

        modelBuilder.Entity<AppEntity>(e =>
        {
            e.ToTable("apps");
            e.HasKey(a => a.Id);
            e.Property(a => a.Key).HasMaxLength(200);
            e.HasIndex(a => a.Key).IsUnique();
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Kind).HasMaxLength(32);
            e.Property(a => a.DescriptorUrl).HasMaxLength(2048);
            e.Property(a => a.ForgeAppId).HasMaxLength(200);
            e.Property(a => a.ListingCause).HasMaxLength(2000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.PartnerId);
            e.HasOne<PartnerEntity>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TicketEntity>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(t => t.Id);
            e.Property(t => t.Fingerprint).HasMaxLength(128);
            // The ticket is the unmet requirement: one per (app, requirement, check) is a database guarantee, not only a
            // code path, and concurrent ingests rely on it. Fingerprint and Location are the first instance's.
            e.HasIndex(t => new { t.AppId, t.RequirementId, t.CheckId }).IsUnique();
            // Status too, so the overdue list (active statuses, due before now) pages through the index alone.
            e.HasIndex(t => new { t.DueDate, t.Id, t.Status });
            e.HasIndex(t => new { t.AppId, t.Status, t.DueDate, t.Id });
            e.HasIndex(t => new { t.Status, t.DueDate });
            // The list's most common filter (status and severity) in the list's order, so a page is an index range scan.
            e.HasIndex(t => new { t.Status, t.Severity, t.DueDate, t.Id });
            // A partner's list in the list's order: filtering by their apps' ids instead made PostgreSQL walk the
            // due-date index across every partner's tickets (60-75 ms a page at a million tickets).
            e.HasIndex(t => new { t.PartnerId, t.DueDate, t.Id });
            e.Property(t => t.RequirementId).HasMaxLength(64);
            e.Property(t => t.CheckId).HasMaxLength(64);
            e.Property(t => t.Title).HasMaxLength(1000);
            e.Property(t => t.Location).HasMaxLength(4000);
            e.Property(t => t.EvidenceHash).HasMaxLength(64);
            e.Property(t => t.CvssVector).HasMaxLength(128);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasOne<AppEntity>().WithMany().HasForeignKey(t => t.AppId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TicketInstanceEntity>(e =>
        {
            e.ToTable("ticket_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Fingerprint).HasMaxLength(128);
            // One instance per (app, fingerprint), as there was one ticket per fingerprint: a finding has one home.
            e.HasIndex(i => new { i.AppId, i.Fingerprint }).IsUnique();
            e.HasIndex(i => new { i.TicketId, i.Id });
            e.Property(i => i.Location).HasMaxLength(4000);
            e.Property(i => i.EvidenceHash).HasMaxLength(64);
            e.Property(i => i.FalsePositivePattern).HasMaxLength(4000);
            e.HasOne<TicketEntity>().WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppEntity>().WithMany().HasForeignKey(i => i.AppId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CommentEntity>(e =>
        {
            e.ToTable("comments");
            e.HasKey(c => c.Id);
            e.Property(c => c.Author).HasMaxLength(200);
            e.Property(c => c.Text).HasMaxLength(20000);
            e.HasIndex(c => c.TicketId);
            e.HasOne<TicketEntity>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ExceptionEntity>(e =>
        {
            e.ToTable("exceptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.RequirementId).HasMaxLength(64);
            e.Property(x => x.LocationPattern).HasMaxLength(4000);
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.GrantedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.AppId, x.RequirementId });
            e.HasOne<AppEntity>().WithMany().HasForeignKey(x => x.AppId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ReportEntity>(e =>
        {
            e.ToTable("reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Sha256).HasMaxLength(64);
            e.Property(r => r.IngestedBy).HasMaxLength(200);
            e.HasIndex(r => new { r.AppId, r.Sha256 }).IsUnique();
            // The newest scan of an app, which a report must not be older than to change tickets.
            e.HasIndex(r => new { r.AppId, r.ScanStartedAt });
            e.HasOne<AppEntity>().WithMany().HasForeignKey(r => r.AppId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TokenEntity>(e =>
        {
            e.ToTable("tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Hash).HasMaxLength(32);
            e.Property(t => t.AppKey).HasMaxLength(200);
            e.HasIndex(t => t.Hash).IsUnique();
        });

        modelBuilder.Entity<AuditEntity>(e =>
        {
            e.ToTable(AuditTable);
            e.HasKey(a => a.Id);
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(256);
            e.HasIndex(a => new { a.Subject, a.Id });
            e.HasIndex(a => a.At);
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
