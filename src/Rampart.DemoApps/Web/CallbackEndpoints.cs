using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.DemoApps.Connect;

namespace Rampart.DemoApps.Web;

/// <summary>
/// Calls the product makes to the app: lifecycle callbacks, webhooks and workflow triggers. All are POST; none
/// accepts a context JWT, because a server-to-server call must be bound to its method, path and query.
/// </summary>
internal static class CallbackEndpoints
{
    public static void MapCallbacks(
        this IEndpointRouteBuilder routes,
        DemoRuntime runtime,
        ConnectJwtValidator validator,
        SignedInstallValidator installValidator)
    {
        routes.MapPost(DemoPaths.Installed, context => InstallAsync(context, runtime, installValidator, installing: true));
        routes.MapPost(DemoPaths.Uninstalled, context => InstallAsync(context, runtime, installValidator, installing: false));

        foreach (var path in new[] { DemoPaths.Enabled, DemoPaths.Disabled, DemoPaths.WebhookIssueCreated, DemoPaths.PostFunctionTriggered })
        {
            routes.MapPost(path, context => WebhookAsync(context, validator));
        }
    }

    private static Task WebhookAsync(HttpContext context, ConnectJwtValidator validator)
    {
        if (PresentedToken.From(context.Request) is not { } token)
        {
            return PlainResponses.UnauthorizedAsync(context, "Missing JWT.");
        }

        var result = validator.Validate(context.Request, token, acceptContextQsh: false);
        return result.Succeeded
            ? PlainResponses.NoContentAsync(context)
            : PlainResponses.UnauthorizedAsync(context, result.Failure!);
    }

    private static async Task InstallAsync(
        HttpContext context,
        DemoRuntime runtime,
        SignedInstallValidator installValidator,
        bool installing)
    {
        var payload = await InstallPayload.ReadAsync(context.Request, context.RequestAborted);
        var refusal = installValidator.Validate(context.Request, PresentedToken.From(context.Request), payload?.ClientKey);
        if (refusal is not null)
        {
            await PlainResponses.UnauthorizedAsync(context, refusal);
            return;
        }

        if (payload is null || (installing && payload.SharedSecret is null))
        {
            await PlainResponses.BadRequestAsync(context, "Not a lifecycle payload.");
            return;
        }

        if (installing)
        {
            runtime.Installations.Install(new Installation(payload.ClientKey, payload.SharedSecret!, payload.BaseUrl ?? string.Empty));
        }
        else
        {
            runtime.Installations.Uninstall(payload.ClientKey);
        }

        await PlainResponses.NoContentAsync(context);
    }
}
