using System.Globalization;
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
        var changes = Changes(before, StoreOrderSettingsForm.From(settings)).ToList();
        audit.Record(db, "store-settings.saved", store.Name, changes.Count == 0 ? "no changes" : string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Every setting is a value (an enum, a flag, an Odoo id, an amount), so each one changed reads "Name: old → new".
    private static IEnumerable<string> Changes(StoreOrderSettingsForm before, StoreOrderSettingsForm after) =>
        typeof(StoreOrderSettingsForm).GetProperties()
            .Select(p => (p.Name, Old: Text(p.GetValue(before)), New: Text(p.GetValue(after))))
            .Where(p => p.Old != p.New)
            .Select(p => $"{p.Name}: {p.Old} → {p.New}");

    private static string Text(object? value) => value switch
    {
        null => "none",

        // G29 drops trailing zeros, so 0.01 read back from the database and 0.010 typed in are the same.
        decimal amount => amount.ToString("G29", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
