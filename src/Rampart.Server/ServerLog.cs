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
    [LoggerMessage(EventId = 2301, EventName = "UnhandledRequestError", Level = LogLevel.Error,
        Message = "Unhandled error on {Method} {Path}; the client got a 500 problem with this request's trace id")]
    public static partial void UnhandledRequestError(ILogger logger, Exception exception, string method, string path);
}
