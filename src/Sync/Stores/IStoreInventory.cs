using Portal.Sync.Commerce;

namespace Portal.Sync.Stores;

/// <summary>A store's stock at its locations, as the stock push and the reconciliation read and set it.</summary>
public interface IStoreInventory
{
    /// <summary>How many quantities one write carries at most (Shopify 250, WooCommerce 100).</summary>
    int WriteBatchSize { get; }

    /// <summary>The store's active locations, where stock is kept: the location mappings pair them with Odoo's warehouses.</summary>
    Task<IReadOnlyList<CommerceLocation>> LocationsAsync(CancellationToken cancellationToken);

    /// <summary>Every stock item the store has at <paramref name="storeLocationId"/>, page by page.</summary>
    IAsyncEnumerable<IReadOnlyList<StoreStockItem>> ItemsAsync(string storeLocationId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the quantities at <paramref name="storeLocationId"/> in batches of <see cref="WriteBatchSize"/>.
    /// <paramref name="stableIdentity"/> names this intent (the job), so a repeat of the same writes changes nothing twice.
    /// </summary>
    Task<StoreStockWrite> SetAsync(string storeLocationId, IReadOnlyList<StoreStockChange> changes, string stableIdentity, CancellationToken cancellationToken);
}
