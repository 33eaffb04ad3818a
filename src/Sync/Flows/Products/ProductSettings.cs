using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Jobs;
using Portal.Sync.Settings;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Products;

/// <summary>
/// A store's export options (its product direction is a feature, see <see cref="Settings.Features.StoreFeaturesService"/>);
/// a full export is a request a person makes here.
/// </summary>
public sealed class ProductSettings(
    IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, IValidator<ProductSettingsForm> validator, JobStore jobs, AuditLog audit, TimeProvider clock)
{
    public async Task<ProductSettingsForm> GetAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        return ProductSettingsForm.From(store.ProductDirection, await db.StoreOutboundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == storeId, cancellationToken));
    }

    public async Task SaveAsync(Guid storeId, ProductSettingsForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);

        // The options are checked against the direction the store has, whatever the form was loaded with.
        form.Direction = store.ProductDirection;
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        var settings = await OutboundSettingsRows.ForChangeAsync(db, store, cancellationToken);
        var before = ProductSettingsForm.From(store.ProductDirection, settings);
        form.ApplyTo(settings);
        settings.UpdatedAt = clock.GetUtcNow();
        var changes = typeof(ProductSettingsForm).GetProperties()
            .Select(p => (p.Name, Old: Convert.ToString(p.GetValue(before), CultureInfo.InvariantCulture) ?? "none", New: Convert.ToString(p.GetValue(form), CultureInfo.InvariantCulture) ?? "none"))
            .Where(p => p.Old != p.New)
            .Select(p => $"{p.Name}: {p.Old} → {p.New}")
            .ToList();
        audit.Record(db, "product-settings.saved", store.Name, changes.Count == 0 ? "no changes" : string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Queues the export of every Odoo template to the store.</summary>
    public async Task ExportAllAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        if (store.ProductDirection != ProductDirection.OdooToStore)
        {
            throw new InvalidOperationException($"{store.Name} does not take its products from Odoo.");
        }

        audit.Record(db, "products.export-requested", store.Name);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(tenantId, ProductPollFlow.RequestAll(storeId, clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)), cancellationToken);
    }
}
