using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Sync.Settings;

/// <summary>The store whose settings or mappings are read or changed: one of the active tenant's, not removed.</summary>
internal static class SettingsStores
{
    public static async Task<Store> FindAsync(PortalDbContext db, Guid storeId, CancellationToken cancellationToken) =>
        await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken)
        ?? throw new KeyNotFoundException($"No store {storeId} in this tenant.");
}
