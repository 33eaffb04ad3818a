using Portal.Sync.Stores;

namespace Portal.Sync.WooCommerce;

/// <summary>A WooCommerce site as <see cref="IStoreCatalogue"/>, through REST v3.</summary>
internal sealed class WooCommerceCatalogue(WooCommerceRestClient rest) : IStoreCatalogue
{
    private WooCommerceRestClient Rest { get; } = rest;
}
