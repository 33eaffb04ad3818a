using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>A WooCommerce site as <see cref="IStoreFulfilments"/>, through REST v3.</summary>
internal sealed class WooCommerceFulfilments(WooCommerceRestClient rest) : IStoreFulfilments
{
    private WooCommerceRestClient Rest { get; } = rest;
}
