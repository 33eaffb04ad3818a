using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings;

/// <summary>Reads and saves how one store's orders become Odoo records; a store nobody configured has the defaults.</summary>
public sealed class StoreOrderSettingsService(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    IValidator<StoreOrderSettingsForm> validator,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<StoreOrderSettingsForm> GetAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SettingsStores.FindAsync(db, storeId, cancellationToken);
        return StoreOrderSettingsForm.From(await db.StoreOrderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == storeId, cancellationToken));
    }

    public async Task SaveAsync(Guid storeId, StoreOrderSettingsForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var settings = await db.StoreOrderSettings.SingleOrDefaultAsync(s => s.StoreId == storeId, cancellationToken);
        var before = StoreOrderSettingsForm.From(settings);
        if (settings is null)
        {
            settings = new StoreOrderSettings { StoreId = storeId };
            db.StoreOrderSettings.Add(settings);
        }

        form.ApplyTo(settings);
        settings.UpdatedAt = clock.GetUtcNow();
        var changes = ValueChanges.Between(before, StoreOrderSettingsForm.From(settings));
        audit.Record(db, "store-settings.saved", store.Name, changes.Count == 0 ? "no changes" : string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
    }
}
