using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Auth;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server.Api;

/// <summary>API tokens: the plaintext is in the creation response only; the store keeps a hash.</summary>
public static class TokenEndpoints
{
    public const int DefaultLifetimeDays = 90;
    public const int MaxLifetimeDays = 3650;

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("Tokens");

        group.MapPost("/", async (HttpContext http, TokenService tokens, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<CreateTokenBody>(http, ct);
                var role = RoleNames.TryParse(body.Role, out var parsed) && parsed != Role.System
                    ? parsed
                    : throw new ApiProblemException(400, "Invalid value", $"role '{body.Role}' is not one of: security-admin, security-analyst, partner, auditor, ingest.");
                var days = body.ExpiresInDays ?? DefaultLifetimeDays;
                if (days is < 1 or > MaxLifetimeDays)
                {
                    throw new ApiProblemException(400, "Invalid value", $"expiresInDays {days} is outside 1..{MaxLifetimeDays}.");
                }

                var created = await tokens.CreateAsync(ActorAccessor.Get(http), role, body.PartnerId, TimeSpan.FromDays(days), body.Name, body.AppKey, ct);
                return Results.Created($"/api/tokens/{created.Id}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<CreateTokenBody>("application/json")
            .Produces<CreatedToken>(StatusCodes.Status201Created)
            .WithName("CreateToken")
            .WithSummary("Create an API token; the response is the only time its plaintext is shown. An ingest token may be scoped to one partner's apps (partnerId) or one app (appKey).");

        group.MapGet("/", async (HttpContext http, TokenService tokens, CancellationToken ct) =>
                Results.Ok(await tokens.ListAsync(ActorAccessor.Get(http), ct)))
            .RequireAuthorization(Policies.Admin)
            .Produces<IReadOnlyList<TokenDto>>()
            .WithName("ListTokens")
            .WithSummary("Tokens (id, role, partner, name, expiry, revoked) — never their plaintext or hash.");

        group.MapPost("/{id:guid}/revoke", async (Guid id, HttpContext http, TokenService tokens, CancellationToken ct) =>
                Results.Ok(await tokens.RevokeAsync(ActorAccessor.Get(http), id, ct)))
            .RequireAuthorization(Policies.Admin)
            .Produces<TokenDto>()
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithName("RevokeToken")
            .WithSummary("Revoke a token; it is refused from the next request on.");
    }
}
