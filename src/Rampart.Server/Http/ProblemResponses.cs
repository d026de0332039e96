using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Rampart.Server.Http;

/// <summary>
/// The 4xx problem responses each operation documents. The ones every endpoint of a kind gives are derived from its
/// metadata (<see cref="AddCommon"/>); the ones only the endpoint knows (404, 409, 422) it declares itself.
/// </summary>
internal static class ProblemResponses
{
    private static readonly string[] ContentTypes = [ProblemWriter.ContentType];

    /// <summary>Declares problem responses with these status codes.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata([.. statuses.Select(Metadata)]);
    }

    /// <summary>
    /// After each endpoint's own conventions: an authorization policy answers 401 and 403; a JSON body is refused
    /// with 400 (malformed, missing or unknown fields), 413 (above the endpoint's limit) and 415 (not JSON).
    /// </summary>
    public static void AddCommon(IEndpointConventionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Finally(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            var statuses = new List<int>();
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
            }

            if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
            {
                statuses.AddRange([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
            }

            foreach (var status in statuses.Where(declared.Add))
            {
                endpoint.Metadata.Add(Metadata(status));
            }
        });
    }

    private static ProducesResponseTypeMetadata Metadata(int status) => new(status, typeof(Problem), ContentTypes);
}
