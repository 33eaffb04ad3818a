namespace Portal.Sync.Flows.Stock;

/// <summary>The products whose stock moved since a cursor, and the newest write_date seen (the next cursor; null when nothing changed).</summary>
public sealed record OdooStockChanges(IReadOnlySet<long> ProductIds, DateTimeOffset? Position);
