using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Auditing;

/// <summary>Reads the active tenant's audit entries, newest first, one page at a time.</summary>
public sealed class AuditTrail(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant)
{
    public async Task<(IReadOnlyList<AuditRecord> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditEntries.CountAsync(cancellationToken);
        var items = await db.AuditEntries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(e => new AuditRecord(e.At, e.ActorName, e.Action, e.Subject, e.Details))
            .ToListAsync(cancellationToken);
        return (items, total);
    }
}
