using Microsoft.AspNetCore.Http;
using Rampart.Tracking;

namespace Rampart.Server.Auth;

/// <summary>The authenticated <see cref="Actor"/> of a request, as the token store returned it.</summary>
public static class ActorAccessor
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = actor;
    }

    /// <summary>Only called behind an authorization policy, so a missing actor is a server bug.</summary>
    public static Actor Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var value) && value is Actor actor
            ? actor
            : throw new InvalidOperationException("No authenticated actor on this request; the endpoint lacks an authorization policy.");
    }
}
