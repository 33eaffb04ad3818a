using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Sync.Auditing;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Notifications;

/// <summary>Reads and saves where a store's alerts are emailed, audited.</summary>
public sealed class StoreNotificationService(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<StoreNotificationForm> validator, AuditLog audit, TimeProvider clock)
{
    public async Task<StoreNotificationForm> GetAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        return new StoreNotificationForm { NotificationEmail = store.NotificationEmail ?? "" };
    }

    public async Task SaveAsync(Guid storeId, StoreNotificationForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken)
                    ?? throw new KeyNotFoundException($"No store {storeId} in this tenant.");
        var email = string.IsNullOrWhiteSpace(form.NotificationEmail) ? null : form.NotificationEmail.Trim();
        var change = store.NotificationEmail == email ? "no changes" : $"NotificationEmail: {store.NotificationEmail ?? "none"} → {email ?? "none"}";
        store.NotificationEmail = email;
        store.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, "store-notifications.saved", store.Name, change);
        await db.SaveChangesAsync(cancellationToken);
    }
}
