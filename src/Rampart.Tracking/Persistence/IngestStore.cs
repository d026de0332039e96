using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Rampart.Tracking.Persistence;

/// <summary>
/// Ingest's reads and inserts in as few round trips as the provider allows, inside the report's transaction. The reads are
/// one multi-statement command (BEGIN rides along on PostgreSQL); on PostgreSQL the new tickets, their creation entries,
/// the report row and its audit entry are one batch. Values are stored exactly as the EF model stores them (SQLite: dates
/// as UTC ticks, GUIDs as upper-case text; enums as their names). New instances go in with the new tickets, finding their
/// ticket by its (app, requirement, check). Tickets moved by a report are still saved through EF (their Version guards
/// the update).
/// </summary>
internal static class IngestStore
{
    private const string AppIdOfKey = "(SELECT \"Id\" FROM apps WHERE \"Key\" = @key)";
    private const string NewReport = $"NOT EXISTS (SELECT 1 FROM reports WHERE \"AppId\" = {AppIdOfKey} AND \"Sha256\" = @sha)";
    private const string TicketStateColumns = "\"Id\", \"RequirementId\", \"CheckId\", \"Status\", \"UpdatedAt\", \"Severity\", \"SeverityReason\"";
    private const string InstanceRowColumns = "\"Id\", \"TicketId\", \"Fingerprint\", \"Location\", \"EvidenceHash\", \"State\"";

    private static readonly string ActiveStatuses = string.Join(", ", TicketLifecycle.Active.Select(s => $"'{s}'"));

    /// <summary>The instance columns ingest's inserts bind, in the order of <see cref="InstanceValues"/> and
    /// <see cref="InstanceArrays"/>: every column of the model except the id the database assigns and <c>TicketId</c>,
    /// which the insert takes from the ticket with the instance's (app, requirement, check).</summary>
    internal static readonly string[] InstanceColumns =
        ["AppId", "Fingerprint", "Location", "Evidence", "EvidenceHash", "State", "FirstSeenAt", "LastSeenAt", "LastReportId", "FalsePositivePattern"];

    /// <summary>The ticket columns ingest's inserts write, in the order of <see cref="TicketValues"/> and <see cref="TicketArrays"/>:
    /// every column of the model except the id the database assigns (<c>IngestStoreModelTests</c> holds the two together).</summary>
    internal static readonly string[] TicketColumns =
    [
        "AppId", "PartnerId", "Fingerprint", "RequirementId", "CheckId", "Title", "Location", "Evidence", "EvidenceHash", "Remediation",
        "Severity", "CvssVector", "CvssScore", "SeverityReason", "Status", "DueDate", "ReportedAt", "UpdatedAt",
        "ExceptionExpiresAt", "LastReminderDays", "LastReportId", "ExceptionId", "Version",
    ];

    /// <summary>The class half of the PostgreSQL advisory lock ingest takes per app ("RAMP"); the key half is the app
    /// key's hash, so unrelated apps whose hashes collide only wait for each other.</summary>
    internal const int IngestLockClass = 0x52414D50;

    internal static readonly string[] AuditColumns = ["At", "Actor", "Action", "Subject", "Before", "After", "Reason"];

    internal static readonly string[] ReportColumns =
        ["Id", "AppId", "Sha256", "ScanStartedAt", "IngestedAt", "IngestedBy", "Created", "Unchanged", "VerifiedFixed", "Reopened", "Suppressed"];

    /// <summary>
    /// Reads what ingest decides on, or null when no app has the key. <paramref name="dueBy"/> and <paramref name="expiredBy"/>
    /// bound <see cref="IngestSnapshot.AnythingDue"/>: the same condition as the enforcement run's query
    /// (<see cref="EnforcementService"/>), so "nothing due" means that run would find nothing to act on.
    /// </summary>
    public static async Task<IngestSnapshot?> ReadAsync(
        TrackingDbContext db, string appKey, string sha, IEnumerable<string> fingerprints, IEnumerable<string> requirements,
        DateTimeOffset now, DateTimeOffset dueBy, DateTimeOffset expiredBy, CancellationToken cancellationToken)
    {
        var sqlite = db.IsSqlite;
        string In(string parameter) => sqlite ? $"IN (SELECT value FROM json_each({parameter}))" : $"= ANY({parameter})";
        await using var command = CreateCommand(db);
        // After the first two statements every one is guarded by "no earlier report with this hash", so an identical
        // re-upload reads nothing more than the app and the hash.
        // PostgreSQL: the transaction first takes the app's ingest lock, so reports of one app are decided one after the
        // other (each statement after it reads a fresh snapshot, which includes what the previous holder committed).
        // SQLite needs none: BEGIN IMMEDIATE already admits one writer at a time.
        var lockApp = sqlite ? string.Empty : $"SELECT pg_advisory_xact_lock({IngestLockClass}, hashtext(@key));\n";
        command.CommandText = lockApp + $"""
            SELECT "Id", "Key", "ListingState", "PartnerId", "Kind", "DescriptorUrl", "ForgeAppId",
                (SELECT MAX(r."ScanStartedAt") FROM reports r WHERE r."AppId" = apps."Id") FROM apps WHERE "Key" = @key;
            SELECT "Id" FROM reports WHERE "AppId" = {AppIdOfKey} AND "Sha256" = @sha;
            SELECT "Id", "RequirementId", "LocationPattern", "Reason", "ExpiresAt" FROM exceptions
                WHERE "AppId" = {AppIdOfKey} AND "RevokedAt" IS NULL AND "ExpiresAt" > @now AND {NewReport};
            SELECT {TicketStateColumns} FROM tickets WHERE {TicketsTouched(In)} AND {NewReport};
            SELECT {InstanceRowColumns} FROM ticket_instances
                WHERE "AppId" = {AppIdOfKey} AND "TicketId" IN (SELECT "Id" FROM tickets WHERE {TicketsTouched(In)}) AND {NewReport};
            SELECT {NewReport} AND EXISTS (SELECT 1 FROM tickets WHERE "AppId" = {AppIdOfKey}
                AND (("Status" IN ({ActiveStatuses}) AND "DueDate" <= @due)
                    OR ("Status" = '{nameof(TicketStatus.ExceptionGranted)}' AND "ExceptionExpiresAt" <= @expired)));
            """;
        Add(command, "key", appKey);
        Add(command, "sha", sha);
        Add(command, "now", Date(sqlite, now));
        Add(command, "due", Date(sqlite, dueBy));
        Add(command, "expired", Date(sqlite, expiredBy));
        if (sqlite)
        {
            Add(command, "fingerprints", JsonSerializer.Serialize(fingerprints.ToArray()));
            Add(command, "requirements", JsonSerializer.Serialize(requirements.ToArray()));
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter("fingerprints", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = fingerprints.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("requirements", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = requirements.ToArray() });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!sqlite)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var appId = reader.GetInt64(0);
        var key = reader.GetString(1);
        var listing = Enum.Parse<ListingState>(reader.GetString(2));
        var partnerId = reader.GetGuid(3);
        var kind = reader.GetString(4);
        var descriptorUrl = reader.IsDBNull(5) ? null : reader.GetString(5);
        var forgeAppId = reader.IsDBNull(6) ? null : reader.GetString(6);
        DateTimeOffset? newestScan = reader.IsDBNull(7) ? null : ReadDate(reader, 7, sqlite);

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        Guid? previous = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetGuid(0) : null;

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var exceptions = new List<ActiveException>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            exceptions.Add(new ActiveException(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), ReadDate(reader, 4, sqlite)));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var tickets = new List<TicketState>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tickets.Add(new TicketState(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Enum.Parse<TicketStatus>(reader.GetString(3)),
                ReadDate(reader, 4, sqlite), Enum.Parse<TicketSeverity>(reader.GetString(5)), !reader.IsDBNull(6)));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var instances = new List<InstanceRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            instances.Add(new InstanceRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Enum.Parse<InstanceState>(reader.GetString(5))));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var anythingDue = reader.GetValue(0) is bool b ? b : Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) != 0;
        return new IngestSnapshot(appId, key, partnerId, kind, descriptorUrl, forgeAppId, newestScan, listing, previous, exceptions, tickets, instances, anythingDue);
    }

    /// <summary>The app's tickets a report can touch: those of the requirements it reported or ran, and those holding an
    /// instance with one of its fingerprints (wherever that finding was filed before).</summary>
    private static string TicketsTouched(Func<string, string> @in) => $"""
        "AppId" = {AppIdOfKey} AND ("RequirementId" {@in("@requirements")}
            OR "Id" IN (SELECT "TicketId" FROM ticket_instances WHERE "AppId" = {AppIdOfKey} AND "Fingerprint" {@in("@fingerprints")}))
        """;

    /// <summary>
    /// Inserts the new tickets, one <c>ticket.created</c> entry per ticket (with <paramref name="createdReasons"/>, aligned
    /// with <paramref name="tickets"/>), the new instances (of new and existing tickets), the report row and its
    /// <c>report.ingested</c> entry, in that order.
    /// </summary>
    public static async Task InsertAsync(
        TrackingDbContext db, IReadOnlyList<TicketEntity> tickets, IReadOnlyList<string> createdReasons, IReadOnlyList<NewInstance> instances,
        DateTimeOffset at, Actor actor, ReportEntity report, AuditEntity reportEntry, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            await InsertPostgresAsync(db, npgsql, tickets, createdReasons, instances, at, actor, report, reportEntry, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (tickets.Count > 0)
        {
            // SQLite is in-process: one prepared two-statement command per ticket (the row, then its creation entry naming
            // the id just assigned) costs less than binding thousands of named parameters of a multi-row statement.
            await using var command = CreateCommand(db);
            command.CommandText =
                Insert("tickets", TicketColumns, TicketColumns.Select((_, i) => $"@t{i}")) + ";\n"
                + Insert(TrackingDbContext.AuditTable, AuditColumns, ["@at", "@actor", "@action", "'ticket:' || last_insert_rowid()", "NULL", "@after", "@reason"]);
            for (var i = 0; i < TicketColumns.Length; i++)
            {
                Add(command, $"t{i}", null);
            }

            Add(command, "at", at.UtcTicks);
            Add(command, "actor", actor.Id);
            Add(command, "action", "ticket.created");
            Add(command, "after", "open");
            var reason = Add(command, "reason", null);
            for (var r = 0; r < tickets.Count; r++)
            {
                var values = TicketValues(tickets[r]);
                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                reason.Value = createdReasons[r];
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (instances.Count > 0)
        {
            await using var command = CreateCommand(db);
            command.CommandText = $"INSERT INTO ticket_instances (\"TicketId\", {string.Join(", ", InstanceColumns.Select(c => $"\"{c}\""))}) "
                + $"SELECT \"Id\", {string.Join(", ", InstanceColumns.Select((_, i) => $"@n{i}"))} FROM tickets "
                + $"WHERE \"AppId\" = @n{System.Array.IndexOf(InstanceColumns, "AppId")} AND \"RequirementId\" = @requirement AND \"CheckId\" = @check";
            for (var i = 0; i < InstanceColumns.Length; i++)
            {
                Add(command, $"n{i}", null);
            }

            var requirement = Add(command, "requirement", null);
            var check = Add(command, "check", null);
            foreach (var instance in instances)
            {
                var values = InstanceValues(instance.Instance);
                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                requirement.Value = instance.RequirementId;
                check.Value = instance.CheckId;
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new InvalidOperationException($"no ticket ({instance.RequirementId}, {instance.CheckId}) for instance {instance.Instance.Fingerprint}");
                }
            }
        }

        await using var final = CreateCommand(db);
        final.CommandText = Insert("reports", ReportColumns, ReportColumns.Select((_, i) => $"@r{i}")) + ";\n"
            + Insert(TrackingDbContext.AuditTable, AuditColumns, AuditColumns.Select((_, i) => $"@a{i}"));
        object[] reportValues =
        [
            report.Id.ToString().ToUpperInvariant(), report.AppId, report.Sha256, report.ScanStartedAt.UtcTicks, report.IngestedAt.UtcTicks,
            report.IngestedBy, report.Created, report.Unchanged, report.VerifiedFixed, report.Reopened, report.Suppressed,
        ];
        for (var i = 0; i < reportValues.Length; i++)
        {
            Add(final, $"r{i}", reportValues[i]);
        }

        object?[] entryValues = [reportEntry.At.UtcTicks, reportEntry.Actor, reportEntry.Action, reportEntry.Subject, reportEntry.Before, reportEntry.After, reportEntry.Reason];
        for (var i = 0; i < entryValues.Length; i++)
        {
            Add(final, $"a{i}", entryValues[i]);
        }

        await final.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One batch, one round trip: the tickets go in from parallel arrays (<c>unnest</c>) and the same statement writes their
    /// creation entries from the ids the insert returns; then the report row and its entry. A concurrent ingest of the
    /// same fingerprint still hits the unique index, and the caller's retry takes it from there.
    /// </summary>
    private static async Task InsertPostgresAsync(
        TrackingDbContext db, NpgsqlConnection connection, IReadOnlyList<TicketEntity> tickets, IReadOnlyList<string> createdReasons,
        IReadOnlyList<NewInstance> instances, DateTimeOffset at, Actor actor, ReportEntity report, AuditEntity reportEntry, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("ingest inserts run inside the report's transaction");
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (tickets.Count > 0)
        {
            var columns = string.Join(", ", TicketColumns.Select(c => $"\"{c}\""));
            var inputs = string.Join(", ", TicketColumns.Select((_, i) => $"c{i}"));
            var ticketCommand = new NpgsqlBatchCommand($"""
                WITH input AS (
                    SELECT * FROM unnest({string.Join(", ", Enumerable.Range(1, TicketColumns.Length + 1).Select(i => $"${i}"))})
                        WITH ORDINALITY AS u({inputs}, reason, ord)),
                inserted AS (
                    INSERT INTO tickets ({columns}) SELECT {inputs} FROM input ORDER BY ord RETURNING "Id", "Fingerprint")
                INSERT INTO "{TrackingDbContext.AuditTable}" ({string.Join(", ", AuditColumns.Select(c => $"\"{c}\""))})
                SELECT ${TicketColumns.Length + 2}, ${TicketColumns.Length + 3}, ${TicketColumns.Length + 4}, 'ticket:' || inserted."Id"::text, NULL,
                    ${TicketColumns.Length + 5}, input.reason
                FROM inserted JOIN input ON input.c{System.Array.IndexOf(TicketColumns, "Fingerprint")} = inserted."Fingerprint" ORDER BY inserted."Id"
                """);
            var p = ticketCommand.Parameters;
            foreach (var column in TicketArrays(tickets))
            {
                p.Add(column);
            }

            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = createdReasons.ToArray() });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at.UtcDateTime });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = actor.Id });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = "ticket.created" });
            p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "open" });
            batch.BatchCommands.Add(ticketCommand);
        }

        if (instances.Count > 0)
        {
            // After the tickets' statement, so the join finds the tickets this batch just created as well as older ones.
            var inputs = string.Join(", ", InstanceColumns.Select((_, i) => $"c{i}"));
            var instanceCommand = new NpgsqlBatchCommand($"""
                INSERT INTO ticket_instances ("TicketId", {string.Join(", ", InstanceColumns.Select(c => $"\"{c}\""))})
                SELECT t."Id", {string.Join(", ", InstanceColumns.Select((_, i) => $"u.c{i}"))}
                FROM unnest({string.Join(", ", Enumerable.Range(1, InstanceColumns.Length + 2).Select(i => $"${i}"))})
                    WITH ORDINALITY AS u({inputs}, requirement, "check", ord)
                JOIN tickets t ON t."AppId" = u.c{System.Array.IndexOf(InstanceColumns, "AppId")} AND t."RequirementId" = u.requirement AND t."CheckId" = u."check"
                ORDER BY u.ord
                """);
            foreach (var column in InstanceArrays(instances.Select(i => i.Instance).ToList()))
            {
                instanceCommand.Parameters.Add(column);
            }

            instanceCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar, Value = instances.Select(i => i.RequirementId).ToArray() });
            instanceCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar, Value = instances.Select(i => i.CheckId).ToArray() });
            batch.BatchCommands.Add(instanceCommand);
        }

        var reportCommand = new NpgsqlBatchCommand(Insert("reports", ReportColumns, ReportColumns.Select((_, i) => $"${i + 1}")));
        reportCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = report.Id });
        reportCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = report.AppId });
        reportCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = report.Sha256 });
        reportCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = report.ScanStartedAt.UtcDateTime });
        reportCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = report.IngestedAt.UtcDateTime });
        reportCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = report.IngestedBy });
        foreach (var count in new[] { report.Created, report.Unchanged, report.VerifiedFixed, report.Reopened, report.Suppressed })
        {
            reportCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = count });
        }

        batch.BatchCommands.Add(reportCommand);

        var entryCommand = new NpgsqlBatchCommand(Insert($"{TrackingDbContext.AuditTable}", AuditColumns, AuditColumns.Select((_, i) => $"${i + 1}")));
        entryCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = reportEntry.At.UtcDateTime });
        foreach (var text in new[] { reportEntry.Actor, reportEntry.Action, reportEntry.Subject })
        {
            entryCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = text });
        }

        foreach (var text in new[] { reportEntry.Before, reportEntry.After, reportEntry.Reason })
        {
            entryCommand.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)text ?? DBNull.Value });
        }

        batch.BatchCommands.Add(entryCommand);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL: one array parameter per <see cref="TicketColumns"/> entry, in that order.</summary>
    internal static NpgsqlParameter[] TicketArrays(IReadOnlyList<TicketEntity> tickets) =>
    [
        Array(tickets, t => t.AppId, NpgsqlDbType.Bigint),
        Array(tickets, t => t.PartnerId, NpgsqlDbType.Uuid),
        Array(tickets, t => t.Fingerprint, NpgsqlDbType.Varchar),
        Array(tickets, t => t.RequirementId, NpgsqlDbType.Varchar),
        Array(tickets, t => t.CheckId, NpgsqlDbType.Varchar),
        Array(tickets, t => t.Title, NpgsqlDbType.Varchar),
        Array(tickets, t => t.Location, NpgsqlDbType.Varchar),
        Array(tickets, t => t.Evidence, NpgsqlDbType.Text),
        Array(tickets, t => t.EvidenceHash, NpgsqlDbType.Varchar),
        Array(tickets, t => t.Remediation, NpgsqlDbType.Text),
        Array(tickets, t => t.Severity.ToString(), NpgsqlDbType.Varchar),
        Array(tickets, t => t.CvssVector, NpgsqlDbType.Varchar),
        Array(tickets, t => t.CvssScore, NpgsqlDbType.Double),
        Array(tickets, t => t.SeverityReason, NpgsqlDbType.Text),
        Array(tickets, t => t.Status.ToString(), NpgsqlDbType.Varchar),
        Array(tickets, t => t.DueDate.UtcDateTime, NpgsqlDbType.TimestampTz),
        Array(tickets, t => t.ReportedAt.UtcDateTime, NpgsqlDbType.TimestampTz),
        Array(tickets, t => t.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz),
        Array(tickets, t => t.ExceptionExpiresAt?.UtcDateTime, NpgsqlDbType.TimestampTz),
        Array(tickets, t => t.LastReminderDays, NpgsqlDbType.Integer),
        Array(tickets, t => t.LastReportId, NpgsqlDbType.Uuid),
        Array(tickets, t => t.ExceptionId, NpgsqlDbType.Uuid),
        Array(tickets, t => t.Version, NpgsqlDbType.Integer),
    ];

    private static NpgsqlParameter Array<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> value, NpgsqlDbType type) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = rows.Select(value).ToArray() };

    /// <summary>PostgreSQL: one array parameter per <see cref="InstanceColumns"/> entry, in that order.</summary>
    internal static NpgsqlParameter[] InstanceArrays(IReadOnlyList<TicketInstanceEntity> instances) =>
    [
        Array(instances, i => i.AppId, NpgsqlDbType.Bigint),
        Array(instances, i => i.Fingerprint, NpgsqlDbType.Varchar),
        Array(instances, i => i.Location, NpgsqlDbType.Varchar),
        Array(instances, i => i.Evidence, NpgsqlDbType.Text),
        Array(instances, i => i.EvidenceHash, NpgsqlDbType.Varchar),
        Array(instances, i => i.State.ToString(), NpgsqlDbType.Varchar),
        Array(instances, i => i.FirstSeenAt.UtcDateTime, NpgsqlDbType.TimestampTz),
        Array(instances, i => i.LastSeenAt.UtcDateTime, NpgsqlDbType.TimestampTz),
        Array(instances, i => i.LastReportId, NpgsqlDbType.Uuid),
        Array(instances, i => i.FalsePositivePattern, NpgsqlDbType.Varchar),
    ];

    /// <summary>SQLite: one value per <see cref="InstanceColumns"/> entry, in that order, as the EF model stores it.</summary>
    internal static object?[] InstanceValues(TicketInstanceEntity i) =>
    [
        i.AppId, i.Fingerprint, i.Location, i.Evidence, i.EvidenceHash, i.State.ToString(), i.FirstSeenAt.UtcTicks, i.LastSeenAt.UtcTicks,
        i.LastReportId?.ToString().ToUpperInvariant(), i.FalsePositivePattern,
    ];

    /// <summary>SQLite: one value per <see cref="TicketColumns"/> entry, in that order, as the EF model stores it.</summary>
    internal static object?[] TicketValues(TicketEntity t) =>
    [
        t.AppId, t.PartnerId.ToString().ToUpperInvariant(), t.Fingerprint, t.RequirementId, t.CheckId, t.Title, t.Location, t.Evidence, t.EvidenceHash, t.Remediation,
        t.Severity.ToString(), t.CvssVector, t.CvssScore, t.SeverityReason, t.Status.ToString(), t.DueDate.UtcTicks,
        t.ReportedAt.UtcTicks, t.UpdatedAt.UtcTicks, t.ExceptionExpiresAt?.UtcTicks, t.LastReminderDays,
        t.LastReportId?.ToString().ToUpperInvariant(), t.ExceptionId?.ToString().ToUpperInvariant(), t.Version,
    ];

    private static string Insert(string table, string[] columns, IEnumerable<string> values) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", values)})";

    private static DbCommand CreateCommand(TrackingDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("ingest reads and inserts run inside the report's transaction");
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static object Date(bool sqlite, DateTimeOffset value) => sqlite ? value.UtcTicks : value.ToUniversalTime();

    private static DateTimeOffset ReadDate(DbDataReader reader, int ordinal, bool sqlite) =>
        sqlite ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
