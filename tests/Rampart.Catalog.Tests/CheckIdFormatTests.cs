namespace Rampart.Catalog.Tests;

public sealed class CheckIdFormatTests
{
    [Theory]
    [InlineData("RMP-TLS-001")]
    [InlineData("RMP-AUTHZ-001")]
    [InlineData("RMP-FORGE-013")]
    public void Accepts_stable_check_ids(string id) => CheckIdFormat.IsWellFormed(id).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RMP-TLS-01")]
    [InlineData("RMP-TLS-0001")]
    [InlineData("RMP-tls-001")]
    [InlineData("rmp-TLS-001")]
    [InlineData("RMP--001")]
    [InlineData("RMP-TLS1-001")]
    [InlineData(" RMP-TLS-001")]
    [InlineData("RMP-TLS-001 ")]
    [InlineData("RMP-TLS-001\n")]
    [InlineData("RMP-TLS-\u0660\u0660\u0661")] // Arabic-Indic digits match \d but are no check number
    public void Rejects_anything_else(string? id) => CheckIdFormat.IsWellFormed(id).ShouldBeFalse();
}
