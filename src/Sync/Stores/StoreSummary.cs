using Portal.Data.Entities;

namespace Portal.Sync.Stores;

/// <summary>A store as the Stores page lists it: never its secrets, only whether they are set.</summary>
public sealed record StoreSummary(
    Guid Id,
    string Name,
    StorePlatform Platform,
    string Address,
    bool Enabled,
    bool Connected,
    StoreFeatures Features,
    ProductDirection ProductDirection,
    DateTimeOffset CreatedAt);
