namespace Portal.Sync.Stores;

/// <summary>
/// One Odoo delivery of a store order, in the store's terms. <see cref="Reference"/> is the picking's name
/// ("WH/OUT/00012"); <see cref="DeliveredSoFar"/> is what every delivery of the order shipped of each store
/// line until now (this one included), so a platform that closes orders can tell when nothing is left.
/// </summary>
public sealed record StoreDelivery(
    string Reference,
    IReadOnlyList<StoreDeliveryLine> Lines,
    string? Carrier,
    string? TrackingNumber,
    string? TrackingUrl,
    bool NotifyCustomer,
    IReadOnlyDictionary<string, int> DeliveredSoFar);
