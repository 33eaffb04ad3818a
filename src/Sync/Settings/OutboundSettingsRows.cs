using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>
/// A store's <see cref="StoreOutboundSettings"/> row. A store has none until someone changes a setting, so a read
/// gets the entity's defaults and a change gets a new tracked row.
/// </summary>
internal static class OutboundSettingsRows
{
    public static async Task<StoreOutboundSettings> ReadAsync(PortalDbContext db, Store store, CancellationToken cancellationToken) =>
        await db.StoreOutboundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == store.Id, cancellationToken)
        ?? new StoreOutboundSettings { StoreId = store.Id, TenantId = store.TenantId };

    /// <summary>The row tracked for a change, added when the store has none.</summary>
    public static async Task<StoreOutboundSettings> ForChangeAsync(PortalDbContext db, Store store, CancellationToken cancellationToken)
    {
        if (await db.StoreOutboundSettings.SingleOrDefaultAsync(s => s.StoreId == store.Id, cancellationToken) is { } settings)
        {
            return settings;
        }

        settings = new StoreOutboundSettings { StoreId = store.Id, TenantId = store.TenantId };
        db.StoreOutboundSettings.Add(settings);
        return settings;
    }
}
