using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Mapping;

/// <summary>Reads a store's record links; the job store writes them (see <see cref="Jobs.JobEffects"/>).</summary>
public sealed class RecordLinks(PortalDbContextActivator activator)
{
    /// <summary>The links of the given store keys, whatever their kind, in one query.</summary>
    public async Task<LinkSet> FindAsync(Guid tenantId, Guid storeId, IEnumerable<string> storeKeys, CancellationToken cancellationToken)
    {
        var keys = storeKeys.Distinct().ToList();
        await using var db = activator.Create(TenantContext.SystemFor(tenantId));
        var links = keys.Count == 0 ? [] : await db.RecordLinks.AsNoTracking().Where(l => l.StoreId == storeId && keys.Contains(l.StoreKey)).ToListAsync(cancellationToken);
        return new LinkSet(links);
    }
}
