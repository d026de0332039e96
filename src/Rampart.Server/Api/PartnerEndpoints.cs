using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Auth;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server.Api;

public static class PartnerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/partners").WithTags("Partners");

        group.MapPost("/", async (HttpContext http, PartnerService partners, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<CreatePartnerBody>(http, ct);
                var created = await partners.CreateAsync(ActorAccessor.Get(http), new CreatePartnerRequest(body.Name, body.SecurityContactEmail), ct);
                return Results.Created($"/api/partners/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<CreatePartnerBody>("application/json")
            .Produces<PartnerDto>(StatusCodes.Status201Created)
            .WithName("CreatePartner")
            .WithSummary("Register a partner (vendor) with its security contact e-mail.");

        group.MapGet("/", async (HttpContext http, PartnerService partners, CancellationToken ct) =>
                Results.Ok(await partners.ListAsync(ActorAccessor.Get(http), ct)))
            .RequireAuthorization(Policies.Read)
            .Produces<IReadOnlyList<PartnerDto>>()
            .WithName("ListPartners")
            .WithSummary("List partners (a partner token sees only its own).");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, PartnerService partners, CancellationToken ct) =>
                Results.Ok(await partners.GetAsync(ActorAccessor.Get(http), id, ct)))
            .RequireAuthorization(Policies.Read)
            .Produces<PartnerDto>()
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithName("GetPartner")
            .WithSummary("One partner.");
    }
}
