using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Auth;
using Rampart.ScanReports;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server.Api;

public static class AppEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/apps").WithTags("Apps");

        group.MapPost("/", async (HttpContext http, AppService apps, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<CreateAppBody>(http, ct);
                var created = await apps.CreateAsync(ActorAccessor.Get(http),
                    new CreateAppRequest(body.Key, body.Name, body.Kind, body.PartnerId, body.DescriptorUrl, body.ForgeAppId), ct);
                return Results.Created($"/api/apps/{Uri.EscapeDataString(created.Key)}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<CreateAppBody>("application/json")
            .Produces<AppDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status409Conflict)
            .WithName("CreateApp")
            .WithSummary("Register an app of a partner.");

        group.MapGet("/", async (HttpContext http, AppService apps, CancellationToken ct) =>
                Results.Ok(await apps.ListAsync(ActorAccessor.Get(http), ct)))
            .RequireAuthorization(Policies.Read)
            .Produces<IReadOnlyList<AppDto>>()
            .WithName("ListApps")
            .WithSummary("List apps (a partner token sees only its own).");

        group.MapGet("/{key}", async (string key, HttpContext http, AppService apps, CancellationToken ct) =>
                Results.Ok(await apps.GetAsync(ActorAccessor.Get(http), key, ct)))
            .RequireAuthorization(Policies.Read)
            .Produces<AppDto>()
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithName("GetApp")
            .WithSummary("One app with its listing state.");

        group.MapPost("/{key}/reports", async (string key, HttpContext http, IngestService ingest, CancellationToken ct) =>
            {
                var bytes = await JsonBody.ReadBytesAsync(http, ct);
                if (bytes.Length == 0)
                {
                    throw new ApiProblemException(400, "Request body missing", "The request body is empty; a ScanReport JSON document (rampart scan --format json) is expected.");
                }

                using var report = new MemoryStream(bytes.ToArray(), writable: false);
                return Results.Ok(await ingest.IngestAsync(ActorAccessor.Get(http), key, report, ct));
            })
            .RequireAuthorization(Policies.Ingest)
            .WithMetadata(new RequestSizeLimitAttribute(ScanReportReader.MaxBytes))
            .Accepts<ScanReport>("application/json")
            .Produces<IngestResult>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .WithName("IngestReport")
            .WithSummary("Ingest a ScanReport (rampart scan --format json) for the app: one transaction, idempotent.");
    }
}
