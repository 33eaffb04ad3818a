using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Auditing;
using Portal.Sync.Jobs;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Settings.Features;

/// <summary>
/// Reads and saves which flows a store takes part in. A feature switched on must have its mappings (see
/// <see cref="StoreFeatureRequirements"/>); the store's recent orders are read only when a switched-on feature needs
/// them, so switching off never depends on the store answering. Features and the product direction decide the
/// store's webhook topics, so a change of either runs the subscription check at once.
/// </summary>
public sealed class StoreFeaturesService(
    IDbContextFactory<PortalDbContext> dbFactory,
    TenantContext tenant,
    IValidator<StoreFeaturesForm> validator,
    IMappingCoverage coverage,
    JobStore jobs,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<StoreFeaturesForm> GetAsync(Guid storeId, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await SettingsStores.FindAsync(db, storeId, cancellationToken);
        return StoreFeaturesForm.From(store, await OutboundSettingsRows.ReadAsync(db, store, cancellationToken));
    }

    /// <summary>What the store's mappings cover; its recent orders are read only when <paramref name="readCoverage"/>.</summary>
    public async Task<StoreFeatureReadiness> ReadinessAsync(Guid storeId, bool readCoverage, CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SettingsStores.FindAsync(db, storeId, cancellationToken);
        var primaryMapped = await db.LocationMappings.AnyAsync(
            m => m.StoreId == storeId && m.IsPrimary && (m.OdooWarehouseId != null || m.OdooLocationId != null), cancellationToken);
        var customers = await db.StoreOrderSettings.AsNoTracking().Where(s => s.StoreId == storeId)
            .Select(s => new { s.CustomerStrategy, s.SingleCustomerId }).SingleOrDefaultAsync(cancellationToken);
        var defaults = new StoreOrderSettings();
        var (seen, problem) = readCoverage ? await CoverageAsync(storeId, cancellationToken) : (null, null);
        return new StoreFeatureReadiness(storeId, seen, problem, primaryMapped,
            customers?.CustomerStrategy ?? defaults.CustomerStrategy, customers is null ? defaults.SingleCustomerId : customers.SingleCustomerId);
    }

    /// <summary>
    /// The validator's findings and the refusals of features <paramref name="form"/> switches on without their mappings,
    /// as one result, for the page and the configuration import alike.
    /// </summary>
    public async Task<ValidationResult> ValidateAsync(Guid storeId, StoreFeaturesForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        tenant.Demand(TenantPermission.View);
        var result = await validator.ValidateAsync(form, cancellationToken);
        StoreFeatures before;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            before = (await SettingsStores.FindAsync(db, storeId, cancellationToken)).Features;
        }

        var switchedOn = form.Features & ~before;
        if (switchedOn != StoreFeatures.None)
        {
            var readiness = await ReadinessAsync(storeId, StoreFeatureRequirements.NeedsCoverage(switchedOn), cancellationToken);
            result.Errors.AddRange(StoreFeatureRequirements.Refusals(readiness, before, form.Features)
                .Select(b => new ValidationFailure(b.Feature.ToString(), $"{b.Feature} cannot be switched on: {b.Reason}")));
        }

        return result;
    }

    public async Task SaveAsync(Guid storeId, StoreFeaturesForm form, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Demand(TenantPermission.ManageSettings);
        var result = await ValidateAsync(storeId, form, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == storeId && s.RemovedAt == null, cancellationToken)
                    ?? throw new KeyNotFoundException($"No store {storeId} in this tenant.");
        var settings = await OutboundSettingsRows.ForChangeAsync(db, store, cancellationToken);
        var before = StoreFeaturesForm.From(store, settings);
        form.ApplyTo(store, settings);
        if (form.Products != ProductDirection.OdooToStore)
        {
            // Both only mean something while Odoo's products go to the store; left on, the Products page would refuse to save.
            settings.CreateMissingProducts = false;
            settings.ExportDescriptions = false;
        }

        var now = clock.GetUtcNow();
        store.UpdatedAt = now;
        settings.UpdatedAt = now;
        var changes = Changes(before, form).ToList();
        audit.Record(db, "store-features.saved", store.Name, changes.Count == 0 ? "no changes" : string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
        if ((before.Features != form.Features || before.Products != form.Products) && store.ProtectedCredentials is not null)
        {
            await jobs.EnqueueAsync(tenantId, SubscriptionSyncFlow.Request(store.Id, store.Name, $"features-{now.UtcTicks}"), cancellationToken);
        }
    }

    private async Task<(MappingCoverage? Coverage, string? Problem)> CoverageAsync(Guid storeId, CancellationToken cancellationToken)
    {
        try
        {
            return (await coverage.ReadAsync(storeId, StoreFeatureRequirements.RecentOrders, cancellationToken), null);
        }
        catch (StoreApiException ex)
        {
            return (null, ex.Message);
        }
    }

    private static IEnumerable<string> Changes(StoreFeaturesForm before, StoreFeaturesForm after) =>
        typeof(StoreFeaturesForm).GetProperties().Where(p => p.Name != nameof(StoreFeaturesForm.Features))
            .Select(p => (p.Name, Old: Convert.ToString(p.GetValue(before), CultureInfo.InvariantCulture), New: Convert.ToString(p.GetValue(after), CultureInfo.InvariantCulture)))
            .Where(p => p.Old != p.New)
            .Select(p => $"{p.Name}: {p.Old} → {p.New}");
}
