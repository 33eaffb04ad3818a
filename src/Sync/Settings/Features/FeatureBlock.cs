using Portal.Data.Entities;

namespace Portal.Sync.Settings.Features;

/// <summary>Why <see cref="Feature"/> cannot work yet, and the page (relative to the tenant) where that is fixed.</summary>
public sealed record FeatureBlock(StoreFeatures Feature, string Reason, string FixPath);
