using Portal.Data.Entities;

namespace Portal.Sync.Mapping;

/// <summary>
/// Everything a store's order flows read about how it maps to Odoo, loaded once per job: its settings (the
/// defaults until someone saves them) and its tax, shipping, journal and location mappings.
/// </summary>
public sealed record StoreOrderSetup(
    Store Store,
    StoreOrderSettings Settings,
    IReadOnlyList<TaxMapping> Taxes,
    IReadOnlyList<ShippingMapping> Shipping,
    IReadOnlyList<PaymentJournalMapping> Journals,
    IReadOnlyList<LocationMapping> Locations)
{
    /// <summary>A page of this store's set-up, relative to the tenant's pages: where a configuration error is fixed.</summary>
    public string FixPath(string page) => $"stores/{Store.Id}/{page}";

    public string SettingsPath => FixPath("settings");

    /// <summary>
    /// What the store's orders are called in Odoo's "Source Document": the shop's host and the order's id, which
    /// stay the same when the store is renamed, so the flows find the sale order again by it.
    /// </summary>
    public string Origin(string orderId) => $"{StoreHost}:{orderId}";

    private string StoreHost => Uri.TryCreate(Store.Address, UriKind.Absolute, out var address) ? address.Authority : Store.Address;

    /// <summary>The warehouse orders ship from: the primary location's, else the only mapped one's.</summary>
    public long? OrderWarehouseId =>
        (Locations.FirstOrDefault(l => l.IsPrimary) ?? (Locations.Count == 1 ? Locations[0] : null))?.OdooWarehouseId;
}
