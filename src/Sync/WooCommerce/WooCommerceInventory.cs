using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>A WooCommerce site as <see cref="IStoreInventory"/>, through REST v3.</summary>
internal sealed class WooCommerceInventory(WooCommerceRestClient rest) : IStoreInventory
{
    private WooCommerceRestClient Rest { get; } = rest;
}
