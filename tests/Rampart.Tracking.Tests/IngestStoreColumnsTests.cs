using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking.Tests;

/// <summary>
/// Ingest writes tickets, their instances, report rows and audit entries with hand-written SQL beside the EF model
/// (<see cref="IngestStore"/>). The columns it writes must be the model's, on each provider: a column added to an entity
/// and not to the SQL fails here (from the model alone, so even before its migration exists) instead of ingest silently
/// leaving it at its default. <see cref="IngestStoreValuesTests"/> checks the values bound to them.
/// </summary>
public sealed class IngestStoreColumnsTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory, MemberData(nameof(Providers))]
    public void Ingest_writes_every_ticket_instance_report_and_audit_column_of_the_model_except_the_ids_the_database_assigns(DatabaseProvider provider)
    {
        var options = new TrackingStoreOptions(provider, provider == DatabaseProvider.Sqlite ? "Data Source=model-only.db" : "Host=model-only.invalid;Database=rampart");
        var builder = new DbContextOptionsBuilder<TrackingDbContext>();
        TrackingServiceCollectionExtensions.Configure(builder, options);
        using var db = new TrackingDbContext(builder.Options);
        db.IsSqlite.ShouldBe(provider == DatabaseProvider.Sqlite);

        IngestStore.TicketColumns.ShouldBe(ModelColumns(db, typeof(TicketEntity), "tickets"), ignoreOrder: true);
        IngestStore.ReportColumns.ShouldBe(ModelColumns(db, typeof(ReportEntity), "reports"), ignoreOrder: true);
        IngestStore.AuditColumns.ShouldBe(ModelColumns(db, typeof(AuditEntity), TrackingDbContext.AuditTable), ignoreOrder: true);
        IngestStore.TicketColumns.Distinct().Count().ShouldBe(IngestStore.TicketColumns.Length);
        IngestStore.TicketValues(IngestStoreValuesTests.Sample(1, Guid.NewGuid())).Length.ShouldBe(IngestStore.TicketColumns.Length);
        IngestStore.TicketArrays([IngestStoreValuesTests.Sample(1, Guid.NewGuid())]).Length.ShouldBe(IngestStore.TicketColumns.Length);

        // Instances: every column but the id, and TicketId, which the insert takes from the ticket's (app, requirement, check).
        string[] instanceColumns = ["TicketId", .. IngestStore.InstanceColumns];
        instanceColumns.ShouldBe(ModelColumns(db, typeof(TicketInstanceEntity), "ticket_instances"), ignoreOrder: true);
        instanceColumns.Distinct().Count().ShouldBe(instanceColumns.Length);
        IngestStore.InstanceValues(IngestStoreValuesTests.SampleInstance(1, 1)).Length.ShouldBe(IngestStore.InstanceColumns.Length);
        IngestStore.InstanceArrays([IngestStoreValuesTests.SampleInstance(1, 1)]).Length.ShouldBe(IngestStore.InstanceColumns.Length);
    }

    /// <summary>The model's columns of an entity's table, less an integer key the database assigns (identity, rowid).</summary>
    private static List<string> ModelColumns(TrackingDbContext db, Type entity, string table)
    {
        var type = db.Model.FindEntityType(entity).ShouldNotBeNull();
        type.GetTableName().ShouldBe(table);
        var storeObject = StoreObjectIdentifier.Table(table, type.GetSchema());
        return type.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ClrType == typeof(long) && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => p.GetColumnName(storeObject).ShouldNotBeNull())
            .ToList();
    }
}
