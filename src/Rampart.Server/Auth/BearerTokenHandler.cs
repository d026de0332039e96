using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rampart.Server.Http;
using Rampart.Tracking;

namespace Rampart.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>: the token is looked up (hashed) by <see cref="TokenService"/>;
/// unknown, expired and revoked tokens are all refused. 401 and 403 answers are problem documents that
/// say which of the cases applied.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string PartnerClaim = "rampart:partner";

    /// <summary>Tokens are short ASCII strings; anything longer is refused without a database look-up.</summary>
    private const int MaxTokenLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'.");
        }

        var presented = header["Bearer ".Length..].Trim();
        if (presented.Length == 0 || presented.Length > MaxTokenLength)
        {
            return AuthenticateResult.Fail("The bearer token is empty or too long to be a Rampart token.");
        }

        var tokens = Context.RequestServices.GetRequiredService<TokenService>();
        var actor = await tokens.AuthenticateAsync(presented, Context.RequestAborted);
        if (actor is null)
        {
            return AuthenticateResult.Fail("The bearer token is unknown, expired or revoked.");
        }

        ActorAccessor.Set(Context, actor);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.Id),
            new(ClaimTypes.Role, RoleNames.ToWire(actor.Role)),
        };
        if (actor.PartnerId is { } partner)
        {
            claims.Add(new Claim(PartnerClaim, partner.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message
            ?? $"{Request.Method} {Request.Path} needs a token: send 'Authorization: Bearer <token>' (create one with 'rampart tokens create').";
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        ServerLog.AuthenticationFailed(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString(),
            result.Failure?.Message ?? "no bearer token");
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unauthenticated", "Unauthenticated", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(ClaimTypes.Role)?.Value ?? "unknown";
        var policy = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).LastOrDefault(p => p is not null);
        var allowed = policy is not null && Policies.Roles.TryGetValue(policy, out var roles) ? $" (allowed: {string.Join(", ", roles)})" : "";
        ServerLog.AccessForbidden(Logger, Context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value, role, Request.Method, Request.Path);
        return ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden", "Forbidden",
            $"Role '{role}' may not call {Request.Method} {Request.Path}{allowed}.");
    }
}
