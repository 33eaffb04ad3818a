using Portal.Data.Entities;

namespace Portal.Sync.Stores;

/// <summary>The webhook topics, in one platform's own names, that a store with these features needs.</summary>
public interface ISubscriptionTopics
{
    StorePlatform Platform { get; }

    IReadOnlyList<string> For(StoreFeatures features, ProductDirection products);
}
