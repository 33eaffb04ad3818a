using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>A <see cref="RecordLink"/> to insert, or to update when the store record is linked already.</summary>
public sealed record RecordLinkWrite(RecordLinkKind Kind, string StoreKey, string OdooModel, long OdooId, string? Fingerprint);
