using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Rampart.TestSupport;
using Rampart.Tracking.Persistence;

namespace Rampart.Tracking.Tests;

/// <summary>
/// Each ticket value ingest's hand-written SQL binds (<see cref="IngestStore.TicketValues"/> on SQLite,
/// <see cref="IngestStore.TicketArrays"/> on PostgreSQL) is what EF itself stores in that column, with PostgreSQL's
/// declared type: a value bound to the wrong column, or in another representation, fails here.
/// <see cref="IngestStoreColumnsTests"/> checks the column list against the model.
/// </summary>
public sealed class IngestStoreValuesTests(PostgresFixture postgres) : DbTest(postgres)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Each_ticket_value_ingest_binds_is_what_EF_stores_in_that_column(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await using var db = await store.Get<IDbContextFactory<TrackingDbContext>>().CreateDbContextAsync();
        var app = await db.Apps.AsNoTracking().SingleAsync();
        var ticket = Sample(app.Id, app.PartnerId);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", IngestStore.TicketColumns.Select(c => $"\"{c}\""))} FROM tickets WHERE \"Id\" = {ticket.Id}";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();

        object?[] bound = provider == DatabaseProvider.Sqlite
            ? IngestStore.TicketValues(ticket)
            : [.. IngestStore.TicketArrays([ticket]).Select(p => ((Array)p.Value!).GetValue(0))];
        for (var i = 0; i < IngestStore.TicketColumns.Length; i++)
        {
            var column = IngestStore.TicketColumns[i];
            Normalize(bound[i]).ShouldBe(Normalize(reader.GetValue(i)), column);
            if (provider == DatabaseProvider.PostgreSql)
            {
                var type = IngestStore.TicketArrays([ticket])[i].NpgsqlDbType & ~NpgsqlDbType.Array;
                var stored = reader.GetDataTypeName(i);
                PostgresTypeName(type).ShouldBe(stored.Contains('(', StringComparison.Ordinal) ? stored[..stored.IndexOf('(', StringComparison.Ordinal)] : stored, column);
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_instance_value_ingest_binds_is_what_EF_stores_in_that_column(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await SeedAppAsync(store);
        await using var db = await store.Get<IDbContextFactory<TrackingDbContext>>().CreateDbContextAsync();
        var app = await db.Apps.AsNoTracking().SingleAsync();
        var ticket = Sample(app.Id, app.PartnerId);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        var instance = SampleInstance(ticket.Id, app.Id);
        db.Instances.Add(instance);
        await db.SaveChangesAsync();

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", IngestStore.InstanceColumns.Select(c => $"\"{c}\""))} FROM ticket_instances WHERE \"Id\" = {instance.Id}";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();

        object?[] bound = provider == DatabaseProvider.Sqlite
            ? IngestStore.InstanceValues(instance)
            : [.. IngestStore.InstanceArrays([instance]).Select(p => ((Array)p.Value!).GetValue(0))];
        for (var i = 0; i < IngestStore.InstanceColumns.Length; i++)
        {
            var column = IngestStore.InstanceColumns[i];
            Normalize(bound[i]).ShouldBe(Normalize(reader.GetValue(i)), column);
            if (provider == DatabaseProvider.PostgreSql)
            {
                var type = IngestStore.InstanceArrays([instance])[i].NpgsqlDbType & ~NpgsqlDbType.Array;
                var stored = reader.GetDataTypeName(i);
                PostgresTypeName(type).ShouldBe(stored.Contains('(', StringComparison.Ordinal) ? stored[..stored.IndexOf('(', StringComparison.Ordinal)] : stored, column);
            }
        }
    }

    /// <summary>An instance with a distinct, non-default value in every column.</summary>
    internal static TicketInstanceEntity SampleInstance(long ticketId, long appId) => new()
    {
        TicketId = ticketId,
        AppId = appId,
        Fingerprint = "instance-fingerprint-sample",
        Location = "https://app.vendor.example/instance-location-sample",
        Evidence = "instance evidence sample",
        EvidenceHash = "instance-evidence-hash-sample",
        State = InstanceState.FalsePositive,
        FirstSeenAt = new DateTimeOffset(2026, 3, 2, 9, 0, 4, TimeSpan.Zero),
        LastSeenAt = new DateTimeOffset(2026, 3, 5, 9, 0, 5, TimeSpan.Zero),
        LastReportId = Guid.NewGuid(),
        FalsePositivePattern = "https://app.vendor.example/instance-*",
    };

    /// <summary>A ticket with a distinct, non-default value in every column, so a value bound to the wrong column shows.</summary>
    internal static TicketEntity Sample(long appId, Guid partnerId) => new()
    {
        AppId = appId,
        PartnerId = partnerId,
        Fingerprint = "fingerprint-sample",
        RequirementId = "requirement-sample",
        CheckId = "check-sample",
        Title = "title sample",
        Location = "https://app.vendor.example/location-sample",
        Evidence = "evidence sample",
        EvidenceHash = "evidence-hash-sample",
        Remediation = "remediation sample",
        Severity = TicketSeverity.High,
        CvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
        CvssScore = 7.5,
        SeverityReason = "severity reason sample",
        Status = TicketStatus.ExceptionGranted,
        DueDate = new DateTimeOffset(2026, 4, 13, 9, 0, 0, TimeSpan.Zero),
        ReportedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 1, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 3, 3, 10, 0, 2, TimeSpan.Zero),
        ExceptionExpiresAt = new DateTimeOffset(2026, 6, 1, 0, 0, 3, TimeSpan.Zero),
        LastReminderDays = 7,
        LastReportId = Guid.NewGuid(),
        ExceptionId = Guid.NewGuid(),
        Version = 3,
    };

    /// <summary>Integers compare as 64-bit (SQLite reads every INTEGER as a long); PostgreSQL reads timestamptz as UTC DateTime.</summary>
    private static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        int i => (long)i,
        DateTime d => d.ToUniversalTime(),
        _ => value,
    };

    private static string PostgresTypeName(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Bigint => "bigint",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Uuid => "uuid",
        NpgsqlDbType.Varchar => "character varying",
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.TimestampTz => "timestamp with time zone",
        _ => type.ToString(),
    };
}
