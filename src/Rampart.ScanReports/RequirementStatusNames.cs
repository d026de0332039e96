namespace Rampart.ScanReports;

/// <summary>The spelling of <see cref="RequirementStatus"/> in every report format, the same as in the JSON contract.</summary>
public static class RequirementStatusNames
{
    public static string ToId(this RequirementStatus status) => status switch
    {
        RequirementStatus.Pass => "pass",
        RequirementStatus.Fail => "fail",
        RequirementStatus.NotApplicable => "not-applicable",
        RequirementStatus.Manual => "manual",
        RequirementStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
