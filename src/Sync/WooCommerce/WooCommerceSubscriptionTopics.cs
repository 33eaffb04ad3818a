using Portal.Data.Entities;
using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>WooCommerce has no refund or payment topics: both change the order, so "order.updated" carries them.</summary>
public sealed class WooCommerceSubscriptionTopics : ISubscriptionTopics
{
    public StorePlatform Platform => StorePlatform.WooCommerce;

    public IReadOnlyList<string> For(StoreFeatures features, ProductDirection products)
    {
        var topics = new List<string>();
        if ((features & (StoreFeatures.Orders | StoreFeatures.Customers | StoreFeatures.Payments | StoreFeatures.Refunds)) != 0)
        {
            topics.AddRange(["order.created", "order.updated", "order.deleted"]);
        }

        if (products == ProductDirection.StoreToOdoo)
        {
            topics.AddRange(["product.created", "product.updated"]);
        }

        return topics;
    }
}
