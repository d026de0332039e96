using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rampart.Server.Http;

/// <summary>
/// The document-level parts of <c>/openapi/v1.json</c> the endpoint metadata cannot say: the bearer scheme (required
/// per operation by <see cref="ApiOperation"/>, so anonymous endpoints stay anonymous), what each tag groups, and a
/// server address without the trailing slash the generator appends.
/// </summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    /// <summary>Tag → what its operations are about; every tag an endpoint uses is described here.</summary>
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness and readiness probes; anonymous.",
        ["Partners"] = "Vendors: their names and security contacts.",
        ["Apps"] = "A partner's apps, their listing state and their scan-report uploads.",
        ["Tickets"] = "Vulnerability tickets: one per unmet requirement and check of an app, holding the locations it fails at as instances, with their lifecycle, comments and severity.",
        ["Exceptions"] = "Approved exceptions: while active, they cover a requirement's ticket whole, or with a location pattern the instances it matches.",
        ["Audit"] = "The append-only audit log.",
        ["Tokens"] = "API tokens (administrators only).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Rampart tracking API";
        document.Info.Version = "1";
        document.Info.Description = "The REST API of 'rampart serve': partners, apps, scan-report ingest, tickets, exceptions, tokens and the audit log. "
            + "Every error is an RFC 7807 problem document (application/problem+json).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token from 'rampart tokens create' or POST /api/tokens: 'Authorization: Bearer rmp_...'.",
        };

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        foreach (var server in document.Servers ?? [])
        {
            // The generator writes the request's base address with a trailing slash; the paths start with one already.
            server.Url = server.Url?.TrimEnd('/');
        }

        return Task.CompletedTask;
    }
}
