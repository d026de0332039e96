using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Rampart.Server.Http;

/// <summary>
/// Lowers Kestrel's body limit to the endpoint's <see cref="BodyLimit"/> before anything reads the body, so
/// an oversized upload is cut off by the server instead of being buffered.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.MaxBytes ?? BodyLimit.Small.MaxBytes;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
