namespace Rampart.DemoApps.Web;

/// <summary>Every path an app serves, shared by the descriptor and the routes so the two cannot drift apart.</summary>
internal static class DemoPaths
{
    public const string Descriptor = "/atlassian-connect.json";
    public const string Login = "/login";

    public const string Report = "/pages/report";
    public const string Settings = "/pages/settings";
    public const string InstallGuide = "/install-guide";
    public const string IssueViewTemplate = "/issue/{issue.key}/view/{project.key}";
    public const string IssueViewRoute = "/issue/{issueKey}/view/{projectKey}";
    public const string Busy = "/pages/busy";
    public const string Tools = "/pages/tools";
    public const string NonAdminOnly = "/pages/non-admin-only";
    public const string Export = "/pages/export";
    public const string ExtraPrefix = "/pages/extra/";
    public const string ExtraRoute = "/pages/extra/{index:int}";

    public const string AdminConfig = "/admin/config";
    public const string AdminConfigure = "/admin/configure";
    public const string AdminTools = "/admin/tools";

    public const string IssuePanel = "/panels/issue-summary";
    public const string IssuePanelTemplate = IssuePanel + "?issueKey={issue.key}";
    public const string MacroDynamic = "/macro/dynamic";
    public const string MacroDynamicTemplate = MacroDynamic + "?pageId={page.id}&macroId={macro.id}";
    public const string MacroExport = "/macro/dynamic/export";
    public const string MacroExportTemplate = MacroExport + "?pageId={page.id}";
    public const string MacroEditor = "/macro/editor";
    public const string PostFunctionView = "/workflow/post-function/view";
    public const string PostFunctionEdit = "/workflow/post-function/edit";
    public const string PostFunctionCreate = "/workflow/post-function/create";

    public const string StaticHelp = "/static/help.html";
    public const string StaticIndex = "/static/index.html";
    public const string MacroCached = "/macro/cached";

    public const string Installed = "/lifecycle/installed";
    public const string Uninstalled = "/lifecycle/uninstalled";
    public const string Enabled = "/lifecycle/enabled";
    public const string Disabled = "/lifecycle/disabled";
    public const string WebhookIssueCreated = "/webhooks/issue-created";
    public const string PostFunctionTriggered = "/workflow/post-function/triggered";

    /// <summary>A third-party page linked from a webItem; the demo never contacts it and neither should a scanner.</summary>
    public const string ThirdPartyHelp = "https://docs.example.org/help";
}
