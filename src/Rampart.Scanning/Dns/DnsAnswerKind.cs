namespace Rampart.Scanning.Dns;

/// <summary>How a DNS query ended; only <see cref="Answered"/> means the name is under someone's control.</summary>
public enum DnsAnswerKind
{
    /// <summary>NOERROR, with or without records of the queried type.</summary>
    Answered,
    NxDomain,
    ServFail,
    Refused,
    /// <summary>Another error rcode (FORMERR, NOTIMP...).</summary>
    OtherError,
    /// <summary>No answer within the time and retries allowed: the name's state is unknown.</summary>
    Timeout,
}
