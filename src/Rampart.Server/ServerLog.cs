using Microsoft.Extensions.Logging;

namespace Rampart.Server;

/// <summary>
/// Every log message of the server, with its stable event id (npgsql's <c>LogMessages</c> is the model). Ids are
/// never reused or renumbered: alerts and dashboards select on them. Ranges: 2000–2099 hosting (start, shutdown),
/// 2100–2199 authentication, 2200–2299 the enforcement scheduler, 2300–2399 request errors. The tracker's own
/// messages are 1000–1999 (<c>Rampart.Tracking.TrackingLog</c>). The table is in docs/architecture.md.
/// </summary>
internal static partial class ServerLog
{
    public const int ListeningId = 2001;
    public const int AuthenticationFailedId = 2101;
    public const int AccessForbiddenId = 2102;
    public const int EnforcementRunDueId = 2201;
    public const int EnforcementRunCompletedId = 2202;
    public const int EnforcementRunFailedId = 2203;
    public const int UnhandledRequestErrorId = 2301;

    [LoggerMessage(EventId = ListeningId, EventName = "Listening", Level = LogLevel.Information,
        Message = "Rampart server listening on {Addresses} ({Provider} database, enforcement every {EnforcementInterval})")]
    public static partial void Listening(ILogger logger, string addresses, string provider, TimeSpan enforcementInterval);

    /// <summary>The token itself is never logged; <paramref name="reason"/> is the handler's own sentence.</summary>
    [LoggerMessage(EventId = AuthenticationFailedId, EventName = "AuthenticationFailed", Level = LogLevel.Warning,
        Message = "Authentication failed for {Method} {Path} from {RemoteAddress}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string method, string path, string? remoteAddress, string reason);

    [LoggerMessage(EventId = AccessForbiddenId, EventName = "AccessForbidden", Level = LogLevel.Information,
        Message = "{Actor} (role {Role}) may not call {Method} {Path}")]
    public static partial void AccessForbidden(ILogger logger, string? actor, string role, string method, string path);

    [LoggerMessage(EventId = EnforcementRunDueId, EventName = "EnforcementRunDue", Level = LogLevel.Debug,
        Message = "Enforcement run due at {DueAt}")]
    public static partial void EnforcementRunDue(ILogger logger, DateTimeOffset dueAt);

    [LoggerMessage(EventId = EnforcementRunCompletedId, EventName = "EnforcementRunCompleted", Level = LogLevel.Information,
        Message = "Enforcement run: {Escalated} escalated, {Delisted} delisted, {Relisted} relisted, {Reminded} reminded, {Reopened} reopened")]
    public static partial void EnforcementRunCompleted(ILogger logger, int escalated, int delisted, int relisted, int reminded, int reopened);

    [LoggerMessage(EventId = EnforcementRunFailedId, EventName = "EnforcementRunFailed", Level = LogLevel.Error,
        Message = "Enforcement run failed; the next run is still scheduled")]
    public static partial void EnforcementRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = UnhandledRequestErrorId, EventName = "UnhandledRequestError", Level = LogLevel.Error,
        Message = "Unhandled error on {Method} {Path}; the client got a 500 problem with this request's trace id")]
    public static partial void UnhandledRequestError(ILogger logger, Exception exception, string method, string path);
}
