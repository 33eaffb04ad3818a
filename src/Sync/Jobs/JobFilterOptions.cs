namespace Portal.Sync.Jobs;

/// <summary>The values the inspector's filters offer: the flows and stores the tenant's jobs have.</summary>
public sealed record JobFilterOptions(IReadOnlyList<string> Flows, IReadOnlyList<Guid> Stores);
