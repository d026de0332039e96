using Microsoft.Extensions.Logging;

namespace Rampart.Tracking;

/// <summary>
/// Every log message of the tracker, with its stable event id (npgsql's <c>LogMessages</c> is the model). Ids are never
/// reused or renumbered: alerts and dashboards select on them. Ranges: 1000–1099 ingest, 1100–1199 database retries,
/// 1200–1299 enforcement decisions, 1300–1399 schema migrations. The server's messages are 2000–2999
/// (<c>Rampart.Server.ServerLog</c>). The table is in docs/architecture.md.
/// </summary>
internal static partial class TrackingLog
{
    public const int ReportIngestedId = 1001;
    public const int RetryingId = 1101;
    public const int TicketEscalatedId = 1201;
    public const int AppDelistedId = 1202;
    public const int AppRelistedId = 1203;
    public const int MigrationsAppliedId = 1301;
    public const int SchemaUpToDateId = 1302;

    [LoggerMessage(EventId = ReportIngestedId, EventName = "ReportIngested", Level = LogLevel.Information,
        Message = "Report {ReportId} ingested for {App}: {Opened} opened, {Reopened} reopened, {Verified} verified fixed, {Unchanged} unchanged, "
            + "{Suppressed} suppressed (duplicate: {Duplicate}) in {DurationMs} ms")]
    public static partial void ReportIngested(ILogger logger, string app, Guid reportId, int opened, int reopened, int verified, int unchanged,
        int suppressed, bool duplicate, long durationMs);

    [LoggerMessage(EventId = RetryingId, EventName = "Retrying", Level = LogLevel.Warning,
        Message = "{Operation} lost a race with a concurrent writer ({Reason}); attempt {Attempt} of {MaxAttempts} failed, retrying")]
    public static partial void Retrying(ILogger logger, string operation, string reason, int attempt, int maxAttempts);

    [LoggerMessage(EventId = TicketEscalatedId, EventName = "TicketEscalated", Level = LogLevel.Warning,
        Message = "Ticket {TicketId} of {App} escalated: {Severity} due {DueDate} passed; policy {PolicyVersion} says {Action}")]
    public static partial void TicketEscalated(ILogger logger, string app, long ticketId, string severity, DateTimeOffset dueDate, string policyVersion, string action);

    [LoggerMessage(EventId = AppDelistedId, EventName = "AppDelisted", Level = LogLevel.Warning,
        Message = "App {App} delisted by policy {PolicyVersion}: blocking ticket(s) {TicketIds}")]
    public static partial void AppDelisted(ILogger logger, string app, string ticketIds, string policyVersion);

    [LoggerMessage(EventId = AppRelistedId, EventName = "AppRelisted", Level = LogLevel.Information,
        Message = "App {App} relisted: no blocking ticket remains (was: {TicketIds})")]
    public static partial void AppRelisted(ILogger logger, string app, string? ticketIds);

    [LoggerMessage(EventId = MigrationsAppliedId, EventName = "MigrationsApplied", Level = LogLevel.Information,
        Message = "Applied {Count} migration(s) to the {Provider} database: {Migrations}")]
    public static partial void MigrationsApplied(ILogger logger, int count, string provider, string migrations);

    [LoggerMessage(EventId = SchemaUpToDateId, EventName = "SchemaUpToDate", Level = LogLevel.Debug,
        Message = "The {Provider} database schema is up to date")]
    public static partial void SchemaUpToDate(ILogger logger, string provider);
}
