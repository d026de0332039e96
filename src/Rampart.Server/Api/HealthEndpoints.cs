using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Hosting;

namespace Rampart.Server.Api;

public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (EnforcementScheduler scheduler) =>
                Results.Ok(new Health("ok", scheduler.Runs)))
            .AllowAnonymous()
            .WithTags("Health")
            .Produces<Health>()
            .WithName("Health")
            .WithSummary("Liveness: answers without a token once the database is migrated and the server listens.");
    }

    public sealed record Health(string Status, int EnforcementRuns);
}
