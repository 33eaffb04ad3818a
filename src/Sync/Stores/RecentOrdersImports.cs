using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Jobs;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Stores;

/// <summary>Queues the import of the orders a store changed in the last days (see <see cref="RecentOrdersImportFlow"/>), audited.</summary>
public sealed class RecentOrdersImports(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<RecentOrdersImportForm> validator, JobStore jobs, AuditLog audit, TimeProvider clock)
{
    /// <summary>Queues the import and says what was queued.</summary>
    public async Task<string> QueueAsync(Guid storeId, RecentOrdersImportForm form, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        if (!store.Enabled || store.ProtectedCredentials is null || !store.Features.HasFlag(StoreFeatures.Orders))
        {
            throw new InvalidOperationException($"{store.Name} takes no orders now: it must be connected and enabled, with the Orders feature on.");
        }

        var now = clock.GetUtcNow();
        var since = now.AddDays(-form.Days);
        var days = form.Days == 1 ? "day" : $"{form.Days.ToString(CultureInfo.InvariantCulture)} days";
        audit.Record(db, "orders.import-requested", store.Name, $"orders changed in the last {days}");
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(tenantId, RecentOrdersImportFlow.Request(store.Id, store.Name, since, now.UtcTicks.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return $"Queued a {RecentOrdersImportFlow.Name} job: each order {store.Name} changed in the last {days} becomes an orders.sync job; follow them on the Jobs page.";
    }
}
