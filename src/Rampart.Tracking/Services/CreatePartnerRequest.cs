namespace Rampart.Tracking;

public sealed record CreatePartnerRequest(string Name, string SecurityContactEmail);
