namespace Rampart.Tracking.Persistence;

/// <summary>The columns of a ticket instance that ingest decides on (<see cref="InstanceDecision"/>).</summary>
internal sealed record InstanceRow(long Id, long TicketId, string Fingerprint, string Location, string EvidenceHash, InstanceState State);
