namespace Rampart.Scanning.Dns;

/// <summary>How a service shows that the name pointed at it is unclaimed.</summary>
public enum TakeoverCheckKind
{
    /// <summary>The CNAME target does not exist (NXDOMAIN): anyone can create it at the service.</summary>
    NxDomain,
    /// <summary>The service answers a GET for the name with its "no such site" page.</summary>
    Body,
}
