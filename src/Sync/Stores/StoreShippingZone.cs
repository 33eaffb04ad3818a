namespace Portal.Sync.Stores;

/// <summary>A WooCommerce shipping zone; zone "0" is "Locations not covered by your other zones".</summary>
public sealed record StoreShippingZone(string Id, string Name);
