using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Data;
using Portal.Sync.Settings;

namespace Portal.Sync.Flows.Stock;

/// <summary>What the stock flows read of a store: the store when it takes part in stock, its settings and its location mappings.</summary>
public static class StockStores
{
    public static async Task<(Store Store, StoreOutboundSettings Settings, List<LocationMapping> Mappings)?> LoadAsync(
        PortalDbContext db, Guid storeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var store = await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken);
        if (store is null || !store.Enabled || !store.Features.HasFlag(StoreFeatures.Stock))
        {
            return null;
        }

        var settings = await OutboundSettingsRows.ReadAsync(db, store, cancellationToken);
        var mappings = await db.LocationMappings.AsNoTracking().Where(m => m.StoreId == storeId).ToListAsync(cancellationToken);
        return (store, settings, mappings);
    }

    /// <summary>The identity key of a store's stock job in one interval slot ("every-…"), so every instance enqueues it once.</summary>
    public static string SlotKey(Guid storeId, string flow, string slot) => $"{{store:{storeId}}}:{flow}:{slot}";

    /// <summary>Stock jobs of a store share a subject, so a push and a reconciliation never write the same levels at once.</summary>
    public static string SubjectKey(Guid storeId) => $"{{store:{storeId}}}:stock";
}
