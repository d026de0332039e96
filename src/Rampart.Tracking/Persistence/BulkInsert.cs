using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Rampart.Tracking.Persistence;

/// <summary>
/// Multi-row INSERTs for ingest's new tickets and their audit entries, inside the caller's transaction: one statement
/// per chunk instead of one change-tracked entity per row. Values are converted exactly as the EF model stores them
/// (SQLite: dates as UTC ticks, GUIDs as upper-case text; enums as their names). On SQLite (in-process) one prepared
/// single-row statement is re-run per row instead; on PostgreSQL audit entries (which need no generated ids back) go
/// in by binary COPY.
/// </summary>
internal static class BulkInsert
{
    private const int RowsPerStatement = 400;

    private static readonly string[] TicketColumns =
    [
        "AppId", "PartnerId", "Fingerprint", "RequirementId", "CheckId", "Title", "Location", "Evidence", "EvidenceHash", "Remediation",
        "Severity", "CvssVector", "CvssScore", "SeverityReason", "Status", "DueDate", "ReportedAt", "UpdatedAt",
        "ExceptionExpiresAt", "LastReminderDays", "LastReportId", "ExceptionId", "Version",
    ];

    private static readonly string[] AuditColumns = ["At", "Actor", "Action", "Subject", "Before", "After", "Reason"];

    /// <summary>Inserts the tickets and sets each one's generated <see cref="TicketEntity.Id"/>.</summary>
    public static async Task TicketsAsync(TrackingDbContext db, IReadOnlyList<TicketEntity> tickets, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            // SQLite is in-process: re-running one prepared single-row statement is cheaper than binding thousands of
            // named parameters of a multi-row statement (the engine looks names up one by one).
            await using var single = CreateCommand(db, "tickets", TicketColumns, 1, " RETURNING \"Id\"");
            for (var i = 0; i < TicketColumns.Length; i++)
            {
                Add(single, i, null);
            }

            foreach (var t in tickets)
            {
                var values = TicketValues(db, t);
                for (var i = 0; i < values.Length; i++)
                {
                    single.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                t.Id = Convert.ToInt64(await single.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            return;
        }

        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql && tickets.Count > 0)
        {
            await CopyTicketsAsync(db, npgsql, tickets, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var chunk in tickets.Chunk(RowsPerStatement))
        {
            var byFingerprint = chunk.ToDictionary(t => t.Fingerprint, StringComparer.Ordinal);
            await using var command = CreateCommand(db, "tickets", TicketColumns, chunk.Length, " RETURNING \"Id\", \"Fingerprint\"");
            var p = 0;
            foreach (var t in chunk)
            {
                foreach (var value in TicketValues(db, t))
                {
                    Add(command, p++, value);
                }
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byFingerprint[reader.GetString(1)].Id = reader.GetInt64(0);
            }
        }
    }

    public static async Task AuditAsync(TrackingDbContext db, IReadOnlyList<AuditEntity> entries, CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            await using var single = CreateCommand(db, TrackingDbContext.AuditTable, AuditColumns, 1, string.Empty);
            for (var i = 0; i < AuditColumns.Length; i++)
            {
                Add(single, i, null);
            }

            foreach (var e in entries)
            {
                object?[] values = [Date(db, e.At), e.Actor, e.Action, e.Subject, e.Before, e.After, e.Reason];
                for (var i = 0; i < values.Length; i++)
                {
                    single.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await single.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            // Binary COPY streams the rows in one round trip with no SQL to parse and no parameters to bind; it runs in
            // the connection's open transaction (the report's), and the append-only insert triggers still fire.
            await using var importer = await npgsql.BeginBinaryImportAsync(
                $"COPY \"{TrackingDbContext.AuditTable}\" (" + string.Join(", ", AuditColumns.Select(c => $"\"{c}\"")) + ") FROM STDIN (FORMAT BINARY)",
                cancellationToken).ConfigureAwait(false);
            foreach (var e in entries)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.Actor, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.Action, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.Subject, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(importer, e.Before, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(importer, e.After, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(importer, e.Reason, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            await using var command = CreateCommand(db, TrackingDbContext.AuditTable, AuditColumns, chunk.Length, string.Empty);
            var p = 0;
            foreach (var e in chunk)
            {
                object?[] values = [Date(db, e.At), e.Actor, e.Action, e.Subject, e.Before, e.After, e.Reason];
                foreach (var value in values)
                {
                    Add(command, p++, value);
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes the ids from the identity sequence first (one query; COPY cannot return them), then streams the rows with
    /// explicit ids by binary COPY. A concurrent ingest of the same fingerprint still hits the unique index, and the
    /// caller's retry takes it from there.
    /// </summary>
    private static async Task CopyTicketsAsync(TrackingDbContext db, NpgsqlConnection connection, IReadOnlyList<TicketEntity> tickets, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("bulk inserts run inside the ingest transaction");
        await using (var ids = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('tickets', 'Id')) FROM generate_series(1, @n)", connection, transaction))
        {
            ids.Parameters.AddWithValue("n", tickets.Count);
            await using var reader = await ids.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var i = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tickets[i++].Id = reader.GetInt64(0);
            }
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY \"tickets\" (\"Id\", " + string.Join(", ", TicketColumns.Select(c => $"\"{c}\"")) + ") FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        foreach (var t in tickets)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Id, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.AppId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.PartnerId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Fingerprint, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.RequirementId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.CheckId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Title, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Location, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Evidence, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.EvidenceHash, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await WriteTextAsync(importer, t.Remediation, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Severity.ToString(), NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.CvssVector, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.CvssScore, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await WriteTextAsync(importer, t.SeverityReason, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.DueDate.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.ReportedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, t.ExceptionExpiresAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, t.LastReminderDays, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, t.LastReportId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, t.ExceptionId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(t.Version, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    private static object?[] TicketValues(TrackingDbContext db, TicketEntity t) =>
    [
        t.AppId, Id(db, t.PartnerId), t.Fingerprint, t.RequirementId, t.CheckId, t.Title, t.Location, t.Evidence, t.EvidenceHash, t.Remediation,
        t.Severity.ToString(), t.CvssVector, t.CvssScore, t.SeverityReason, t.Status.ToString(), Date(db, t.DueDate),
        Date(db, t.ReportedAt), Date(db, t.UpdatedAt), t.ExceptionExpiresAt is { } e ? Date(db, e) : null, t.LastReminderDays,
        Id(db, t.LastReportId), Id(db, t.ExceptionId), t.Version,
    ];

    private static DbCommand CreateCommand(TrackingDbContext db, string table, string[] columns, int rows, string suffix)
    {
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside the ingest transaction");
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO \"{table}\" (").AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"@p{p++}");
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(suffix).ToString();
        return command;
    }

    private static void Add(DbCommand command, int index, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{index}");
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static object Date(TrackingDbContext db, DateTimeOffset value) => db.IsSqlite ? value.UtcTicks : value.ToUniversalTime();

    private static object? Id(TrackingDbContext db, Guid? value) =>
        value is not { } id ? null : db.IsSqlite ? id.ToString().ToUpperInvariant() : id;
}
