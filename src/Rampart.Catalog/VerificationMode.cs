namespace Rampart.Catalog;

/// <summary>How a requirement is verified.</summary>
public enum VerificationMode
{
    /// <summary>By the named automated checks, where one applies to the app's kind.</summary>
    Automatic,

    /// <summary>By a reviewer's attestation; a scan reports it as <c>manual</c>, never <c>pass</c>.</summary>
    Manual,
}
