using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Rampart.Server.Api;
using Rampart.Tracking;

namespace Rampart.Server.Http;

/// <summary>
/// Per operation: the bearer requirement where the endpoint has an authorization policy, an explicit empty one where it is anonymous, and the
/// real types of the query parameters. The endpoints bind query values as strings on purpose — so a bad value gets
/// a problem naming the parameter and the allowed range (<see cref="Paging"/>, <see cref="WireEnum"/>) — which makes
/// the generator type them all as strings; this says what they accept.
/// </summary>
internal sealed class ApiOperation : IOpenApiOperationTransformer
{
    /// <summary>Query parameter name → its schema; the names are shared by every endpoint that takes them.</summary>
    private static readonly Dictionary<string, Func<OpenApiSchema>> QuerySchemas = new(StringComparer.Ordinal)
    {
        ["page"] = () => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Paging.MaxPage.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = JsonValue.Create(1) },
        ["pageSize"] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "1",
            Maximum = Paging.MaxSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = JsonValue.Create(Paging.DefaultSize),
        },
        ["overdue"] = () => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        ["status"] = () => WireEnumSchema<TicketStatus>(),
        ["severity"] = () => WireEnumSchema<TicketSeverity>(),
        ["since"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.BearerScheme, context.Document)] = [] }];
        }
        else
        {
            // An empty requirement is OpenAPI's way of saying "no token needed" (rather than "not stated").
            operation.Security = [new OpenApiSecurityRequirement()];
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Query, Name: { } name } query && QuerySchemas.TryGetValue(name, out var schema))
            {
                query.Schema = schema();
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema WireEnumSchema<T>()
        where T : struct, Enum =>
        new() { Type = JsonSchemaType.String, Enum = [.. WireEnum.All<T>().Select(v => (JsonNode)JsonValue.Create(v))] };
}
