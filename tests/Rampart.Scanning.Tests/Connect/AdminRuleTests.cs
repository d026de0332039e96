using System.Text.Json;
using Rampart.Scanning.Connect;

namespace Rampart.Scanning.Tests.Connect;

public sealed class AdminRuleTests
{
    private static bool IsAdmin(string moduleType, string moduleJson)
    {
        using var document = JsonDocument.Parse(moduleJson);
        return AdminRule.IsAdmin(moduleType, document.RootElement, "$.modules.m[0]");
    }

    private static bool ConditionsAreAdmin(string conditions) =>
        IsAdmin("webPanels", $$"""{"url": "/p", "conditions": {{conditions}}}""");

    [Theory]
    [InlineData("configurePage", true)]
    [InlineData("adminPages", true)]
    [InlineData("jiraProjectAdminTabPanels", true)]
    [InlineData("postInstallPage", false)]
    [InlineData("spaceToolsTabs", false)]
    [InlineData("generalPages", false)]
    [InlineData("AdminPages", false)]
    public void Admin_module_types(string moduleType, bool admin) =>
        IsAdmin(moduleType, """{"url": "/p"}""").ShouldBe(admin);

    [Theory]
    [InlineData("""[]""", false)]
    [InlineData("""[{"condition": "user_is_admin"}]""", true)]
    [InlineData("""[{"condition": "user_is_sysadmin"}]""", true)]
    [InlineData("""[{"condition": "user_is_confluence_administrator"}]""", true)]
    [InlineData("""[{"condition": "user_is_project_admin"}]""", true)]
    [InlineData("""[{"condition": "jira:user_is_admin"}]""", true)]
    [InlineData("""[{"condition": "user_is_logged_in"}]""", false)]
    [InlineData("""[{"condition": "is_admin_mode"}]""", false)]
    [InlineData("""[{"condition": "USER_IS_ADMIN"}]""", false)]
    [InlineData("""[{"condition": "user_is_logged_in"}, {"condition": "user_is_admin"}]""", true)]
    public void Single_conditions(string conditions, bool admin) => ConditionsAreAdmin(conditions).ShouldBe(admin);

    [Theory]
    [InlineData("""[{"condition": "user_is_admin", "invert": true}]""", false)]
    [InlineData("""[{"condition": "user_is_admin", "invert": false}]""", true)]
    [InlineData("""[{"condition": "user_is_admin", "invert": true}, {"condition": "user_is_sysadmin"}]""", true)]
    [InlineData("""[{"and": [{"condition": "user_is_admin"}], "invert": true}]""", false)]
    public void Inverted_conditions_never_make_a_module_admin(string conditions, bool admin) =>
        ConditionsAreAdmin(conditions).ShouldBe(admin);

    [Theory]
    [InlineData("""[{"and": [{"condition": "user_is_logged_in"}, {"condition": "user_is_admin"}]}]""", true)]
    [InlineData("""[{"and": [{"condition": "user_is_logged_in"}]}]""", false)]
    [InlineData("""[{"and": []}]""", false)]
    [InlineData("""[{"or": [{"condition": "user_is_admin"}, {"condition": "user_is_sysadmin"}]}]""", true)]
    [InlineData("""[{"or": [{"condition": "user_is_sysadmin"}, {"condition": "user_is_logged_in"}]}]""", false)]
    [InlineData("""[{"or": []}]""", false)]
    [InlineData("""[{"or": [{"condition": "user_is_admin"}, {"and": [{"condition": "user_is_logged_in"}, {"condition": "user_is_sysadmin"}]}]}]""", true)]
    [InlineData("""[{"or": [{"condition": "user_is_admin"}, {"and": [{"condition": "user_is_logged_in"}]}]}]""", false)]
    [InlineData("""[{"and": [{"or": [{"condition": "user_is_admin"}, {"condition": "user_is_admin", "invert": true}]}]}]""", false)]
    [InlineData("""[{"type": "or", "conditions": [{"condition": "user_is_admin"}, {"condition": "user_is_sysadmin"}]}]""", true)]
    [InlineData("""[{"type": "OR", "conditions": [{"condition": "user_is_admin"}, {"condition": "user_is_logged_in"}]}]""", false)]
    [InlineData("""[{"type": "and", "conditions": [{"condition": "user_is_logged_in"}, {"condition": "user_is_admin"}]}]""", true)]
    public void Compound_conditions(string conditions, bool admin) => ConditionsAreAdmin(conditions).ShouldBe(admin);

    [Theory]
    [InlineData("""[{"condition": "has_global_permission", "params": {"permission": "ADMINISTER"}}]""", true)]
    [InlineData("""[{"condition": "has_global_permission", "params": {"permission": "SYSTEM_ADMIN"}}]""", true)]
    [InlineData("""[{"condition": "has_global_permission", "params": {"permission": "BROWSE_USERS"}}]""", false)]
    [InlineData("""[{"condition": "has_project_permission", "params": {"permission": "ADMINISTER_PROJECTS"}}]""", true)]
    [InlineData("""[{"condition": "has_project_permission", "params": {"permission": "EDIT_ISSUES"}}]""", false)]
    [InlineData("""[{"condition": "has_issue_permission", "params": {"permission": "ADMINISTER_PROJECTS"}}]""", false)]
    [InlineData("""[{"condition": "has_global_permission"}]""", false)]
    public void Administrative_permission_conditions(string conditions, bool admin) => ConditionsAreAdmin(conditions).ShouldBe(admin);

    [Fact]
    public void Conditions_of_admin_types_are_still_checked()
    {
        Should.Throw<DescriptorException>(() => IsAdmin("adminPages", """{"url": "/p", "conditions": "user_is_admin"}"""))
            .Message.ShouldBe("$.modules.m[0].conditions: expected an array, found a string");
    }

    [Fact]
    public void Every_or_branch_is_checked_for_errors()
    {
        Should.Throw<DescriptorException>(() => ConditionsAreAdmin("""[{"or": [{"condition": "user_is_logged_in"}, {"condition": "user_is_admin", "invert": 1}]}]"""))
            .Message.ShouldBe("$.modules.m[0].conditions[0].or[1].invert: expected a boolean, found a number");
    }

    [Fact]
    public void Permission_params_must_be_an_object()
    {
        Should.Throw<DescriptorException>(() => ConditionsAreAdmin("""[{"condition": "has_global_permission", "params": "ADMINISTER"}]"""))
            .Message.ShouldBe("$.modules.m[0].conditions[0].params: expected an object, found a string");
    }
}
