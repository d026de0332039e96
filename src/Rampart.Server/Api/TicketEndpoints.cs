using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Auth;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server.Api;

public static class TicketEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tickets").WithTags("Tickets");

        group.MapGet("/", async (HttpContext http, TicketService tickets, CancellationToken ct,
                    string? app, string? status, string? severity, string? overdue, string? page, string? pageSize) =>
                Results.Ok(await tickets.ListAsync(ActorAccessor.Get(http), ParseQuery(app, status, severity, overdue, page, pageSize), ct)))
            .RequireAuthorization(Policies.Read)
            .Produces<TicketPage>()
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithName("ListTickets")
            .WithSummary("Tickets filtered by app, status, severity and overdue; paged (page, pageSize ≤ 500), ordered by due date then id.");

        group.MapGet("/{id:long}", async (long id, HttpContext http, TicketService tickets, CancellationToken ct) =>
                Results.Ok(await tickets.GetAsync(ActorAccessor.Get(http), id, ct)))
            .RequireAuthorization(Policies.Read)
            .Produces<TicketDetailDto>()
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithName("GetTicket")
            .WithSummary("One ticket with its history, comments and instances (the locations its check fails at).");

        group.MapPost("/{id:long}/transitions", async (long id, HttpContext http, TicketService tickets, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<TransitionBody>(http, ct);
                var to = WireEnum.Parse<TicketStatus>(body.To, "to");
                return Results.Ok(await tickets.TransitionAsync(ActorAccessor.Get(http), id,
                    new TransitionRequest(to, body.Comment, body.DueDate, body.Reason, body.LocationPattern), ct));
            })
            .RequireAuthorization(Policies.TicketWrite)
            .Accepts<TransitionBody>("application/json")
            .Produces<TicketDetailDto>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithName("TransitionTicket")
            .WithSummary("Move a ticket along the lifecycle; partners only along vendor transitions. A false-positive decision with a locationPattern covers only the open instances it matches; the ticket moves when none is left open.");

        group.MapPost("/{id:long}/comments", async (long id, HttpContext http, TicketService tickets, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<CommentBody>(http, ct);
                var comment = await tickets.CommentAsync(ActorAccessor.Get(http), id, new CommentRequest(body.Text), ct);
                return Results.Created($"/api/tickets/{id}", comment);
            })
            .RequireAuthorization(Policies.TicketWrite)
            .Accepts<CommentBody>("application/json")
            .Produces<CommentDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithName("CommentTicket")
            .WithSummary("Add a comment to a ticket's thread.");

        group.MapPost("/{id:long}/severity", async (long id, HttpContext http, TicketService tickets, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<SeverityBody>(http, ct);
                return Results.Ok(await tickets.SetSeverityAsync(ActorAccessor.Get(http), id, new SeverityOverride(body.CvssVector, body.Reason), ct));
            })
            .RequireAuthorization(Policies.Triage)
            .Accepts<SeverityBody>("application/json")
            .Produces<TicketDetailDto>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithName("OverrideSeverity")
            .WithSummary("Override a ticket's CVSS 3.1 vector, with a reason.");
    }

    private static TicketQuery ParseQuery(string? app, string? status, string? severity, string? overdue, string? page, string? pageSize) =>
        new()
        {
            AppKey = string.IsNullOrEmpty(app) ? null : app,
            Status = status is null ? null : WireEnum.Parse<TicketStatus>(status, "status"),
            Severity = severity is null ? null : WireEnum.Parse<TicketSeverity>(severity, "severity"),
            Overdue = Paging.Flag(overdue, "overdue"),
            Page = Paging.Page(page),
            PageSize = Paging.Size(pageSize),
        };
}
