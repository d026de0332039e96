namespace Rampart.Tracking;

/// <param name="Reopened">Tickets put back to open because their exception expired.</param>
public sealed record EnforcementResult(int Escalated, int Delisted, int Relisted, int Reminded, int Reopened = 0);
