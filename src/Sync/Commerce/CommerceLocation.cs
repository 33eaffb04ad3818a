namespace Portal.Sync.Commerce;

/// <summary>A place the store keeps stock and ships from.</summary>
public sealed record CommerceLocation(string Id, string Name);
