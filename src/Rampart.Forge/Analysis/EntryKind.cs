namespace Rampart.Forge.Analysis;

/// <summary>Who can invoke an entry point, which decides the checks that apply to it.</summary>
public enum EntryKind
{
    /// <summary>Any user who can load the module: resolvers of UI modules, UI Kit functions, Rovo actions.</summary>
    UserInvoked,

    /// <summary>Anyone holding the URL: web triggers have no built-in authentication.</summary>
    WebTrigger,

    /// <summary>Invoked by the platform: product event triggers, scheduled triggers, queue consumers.</summary>
    AppEvent,
}
