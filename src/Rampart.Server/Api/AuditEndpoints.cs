using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Auth;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server.Api;

public static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", async (HttpContext http, AuditService audit, CancellationToken ct,
                    string? subject, string? since, string? page, string? pageSize) =>
            {
                DateTimeOffset? sinceAt = null;
                if (since is not null)
                {
                    sinceAt = DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                        ? at
                        : throw new ApiProblemException(400, "Invalid query parameter", $"Query parameter 'since': '{since}' is not an ISO 8601 date-time.");
                }

                var query = new AuditQuery
                {
                    Subject = string.IsNullOrEmpty(subject) ? null : subject,
                    Since = sinceAt,
                    Page = Paging.Page(page),
                    PageSize = Paging.Size(pageSize),
                };
                return Results.Ok(await audit.ListAsync(ActorAccessor.Get(http), query, ct));
            })
            .RequireAuthorization(Policies.Oversight)
            .Produces<AuditPage>()
            .WithTags("Audit")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithName("ListAudit")
            .WithSummary("The append-only audit log (read-only: there is no endpoint that changes it).");
    }
}
