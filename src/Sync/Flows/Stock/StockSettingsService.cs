using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Data;
using Portal.Sync.Auditing;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Flows.Stock;

/// <summary>Reads and saves a store's quantity rule (its <see cref="StoreOutboundSettings"/> row, created with defaults when missing), audited.</summary>
public sealed class StockSettingsService(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    IValidator<StockSettingsForm> validator,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<StockSettingsForm> GetAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return StockSettingsForm.From(await db.StoreOutboundSettings.AsNoTracking().SingleOrDefaultAsync(s => s.StoreId == storeId, cancellationToken));
    }

    public async Task SaveAsync(Guid storeId, StockSettingsForm form, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.ManageSettings);
        await validator.ValidateAndThrowAsync(form, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var settings = await OutboundSettingsRows.ForChangeAsync(db, store, cancellationToken);
        var before = Describe(StockSettingsForm.From(settings));
        form.ApplyTo(settings);
        settings.UpdatedAt = clock.GetUtcNow();
        var after = Describe(form);
        audit.Record(db, "stock-settings.saved", store.Name, before == after ? "no changes" : $"{before} → {after}");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Describe(StockSettingsForm form) =>
        string.Create(CultureInfo.InvariantCulture, $"{form.QuantityRule} less {form.BufferValue:G29} {(form.BufferKind == StockBufferKind.Percent ? "%" : "units")}");
}
