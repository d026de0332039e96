using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Auth;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server.Api;

/// <summary>Approved exceptions: (app, requirement, optional location pattern) with a reason and an expiry.</summary>
public static class ExceptionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/exceptions").WithTags("Exceptions");

        group.MapPost("/", async (HttpContext http, ExceptionService exceptions, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<GrantExceptionBody>(http, ct);
                var granted = await exceptions.GrantAsync(ActorAccessor.Get(http),
                    new GrantExceptionRequest(body.AppKey, body.RequirementId, body.LocationPattern, body.Reason, body.ExpiresAt), ct);
                return Results.Created($"/api/exceptions/{granted.Id}", granted);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<GrantExceptionBody>("application/json")
            .Produces<ExceptionDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithName("GrantException")
            .WithSummary("Grant an exception: while active, matching findings open no ticket.");

        group.MapGet("/", async (HttpContext http, ExceptionService exceptions, CancellationToken ct, string? app) =>
                Results.Ok(await exceptions.ListAsync(ActorAccessor.Get(http), string.IsNullOrEmpty(app) ? null : app, ct)))
            .RequireAuthorization(Policies.Read)
            .Produces<IReadOnlyList<ExceptionDto>>()
            .WithName("ListExceptions")
            .WithSummary("Exceptions, optionally of one app (a partner token sees its own apps' exceptions).");

        group.MapPost("/{id:guid}/revoke", async (Guid id, HttpContext http, ExceptionService exceptions, CancellationToken ct) =>
                Results.Ok(await exceptions.RevokeAsync(ActorAccessor.Get(http), id, ct)))
            .RequireAuthorization(Policies.Admin)
            .Produces<ExceptionDto>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithName("RevokeException")
            .WithSummary("Revoke an exception before its expiry (audited; nothing is deleted).");
    }
}
