using Portal.Data.Entities;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>
/// Shopify sends "orders/updated" for payments and refunds too, but the dedicated topics carry the event
/// itself; "app/uninstalled" is always needed, so a removed app is noticed at once.
/// </summary>
public sealed class ShopifySubscriptionTopics : ISubscriptionTopics
{
    public StorePlatform Platform => StorePlatform.Shopify;

    public IReadOnlyList<string> For(StoreFeatures features, ProductDirection products)
    {
        var topics = new List<string> { "app/uninstalled" };
        if ((features & (StoreFeatures.Orders | StoreFeatures.Customers | StoreFeatures.Payments)) != 0)
        {
            topics.AddRange(["orders/create", "orders/updated", "orders/cancelled"]);
        }

        if (features.HasFlag(StoreFeatures.Payments))
        {
            topics.Add("orders/paid");
        }

        if (features.HasFlag(StoreFeatures.Refunds))
        {
            topics.Add("refunds/create");
        }

        if (products == ProductDirection.StoreToOdoo)
        {
            topics.AddRange(["products/create", "products/update"]);
        }

        return topics;
    }
}
