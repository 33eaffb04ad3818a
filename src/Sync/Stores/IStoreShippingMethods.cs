namespace Portal.Sync.Stores;

/// <summary>
/// A platform whose shipping methods are the merchant's own list, per shipping zone (WooCommerce); its
/// <see cref="IStoreClient.Fulfilments"/> implements this too. Shopify's carriers are not set up this way.
/// </summary>
public interface IStoreShippingMethods
{
    Task<IReadOnlyList<StoreShippingZone>> ZonesAsync(CancellationToken cancellationToken);

    /// <summary>The titles of the zone's methods, as orders name them.</summary>
    Task<IReadOnlyList<string>> MethodTitlesAsync(string zoneId, CancellationToken cancellationToken);

    /// <summary>Adds a flat-rate method of that title and cost to the zone.</summary>
    Task AddFlatRateAsync(string zoneId, string title, decimal cost, CancellationToken cancellationToken);
}
