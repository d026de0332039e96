namespace Rampart.Tracking.Persistence;

/// <summary>An instance ingest inserts: its ticket is found by the ticket's (app, requirement, check) in the same insert,
/// so a new ticket and its instances go in together without reading the new ticket's id back.</summary>
internal sealed record NewInstance(TicketInstanceEntity Instance, string RequirementId, string CheckId);
