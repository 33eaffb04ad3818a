using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Settings.Coverage;
using Portal.Sync.Settings.Features;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Settings;

public class StoreFeaturesServiceTests : IAsyncLifetime
{
    private SettingsTestBed bed = default!;

    private FakeMappingCoverage Coverage => (FakeMappingCoverage)bed.Host.Services.GetRequiredService<IMappingCoverage>();

    public async Task InitializeAsync()
    {
        bed = await SettingsTestBed.StartAsync();
        await WriteAsync(async db =>
        {
            var store = await db.Stores.SingleAsync(s => s.Id == bed.AlphaStore);
            store.Features = StoreFeatures.None;
            store.ProtectedCredentials = "sealed";
        });
    }

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private async Task<int> WriteAsync(Func<PortalDbContext, Task> write)
    {
        await using var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.Alpha));
        await write(db);
        return await db.SaveChangesAsync();
    }

    private StoreFeaturesService As(TenantRole role, string userName = "member@alpha.test") => bed.Service<StoreFeaturesService>(bed.Alpha, role, userName);

    private Task<int> MapPrimaryLocationAsync() => WriteAsync(db =>
    {
        db.LocationMappings.Add(new LocationMapping { StoreId = bed.AlphaStore, StoreLocationId = "1", StoreLocationName = "Main", IsPrimary = true, OdooWarehouseId = 1 });
        return Task.CompletedTask;
    });

    [Fact]
    public async Task Switching_on_features_whose_mappings_are_complete_saves_them_audits_each_change_and_checks_the_webhooks()
    {
        await MapPrimaryLocationAsync();
        var form = await As(TenantRole.Viewer).GetAsync(bed.AlphaStore);
        form.Orders = true;
        form.Stock = true;
        form.Products = ProductDirection.StoreToOdoo;
        form.NotifyCustomerOnFulfilment = false;

        await As(TenantRole.Admin, "adam@alpha.test").SaveAsync(bed.AlphaStore, form);

        var store = await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().SingleAsync(s => s.Id == bed.AlphaStore));
        Assert.Equal((StoreFeatures.Orders | StoreFeatures.Stock, ProductDirection.StoreToOdoo), (store.Features, store.ProductDirection));
        Assert.False(await bed.ReadAsync(db => db.StoreOutboundSettings.IgnoreQueryFilters().Select(s => s.NotifyCustomerOnFulfilment).SingleAsync()));
        var entry = Assert.Single(await bed.AuditAsync());
        Assert.Equal(("store-features.saved", "Alpha EU", "adam@alpha.test"), (entry.Action, entry.Subject, entry.ActorName));
        Assert.Equal("Orders: False → True; Stock: False → True; Products: OdooToStore → StoreToOdoo; NotifyCustomerOnFulfilment: True → False", entry.Details);
        Assert.Equal(1, await bed.ReadAsync(db => db.Jobs.IgnoreQueryFilters().CountAsync(j => j.Flow == SubscriptionSyncFlow.Name && j.StoreId == bed.AlphaStore)));
        Assert.Equal(1, Coverage.Reads);
    }

    [Fact]
    public async Task A_feature_whose_mapping_is_incomplete_is_refused_with_the_reason_and_nothing_changes()
    {
        Coverage.Coverage = new MappingCoverage(3, 2, [], [new SeenGateway("paypal", "PayPal", 1, null)], []);
        var form = await As(TenantRole.Admin).GetAsync(bed.AlphaStore);
        form.Payments = true;
        form.Stock = true;

        var refused = await Assert.ThrowsAsync<ValidationException>(() => As(TenantRole.Admin).SaveAsync(bed.AlphaStore, form));

        Assert.Equal(
            [
                "Payments cannot be switched on: No journal for the payment gateway 'PayPal', used by 1 recent order.",
                "Stock cannot be switched on: The store's primary location is not mapped to an Odoo warehouse or stock location.",
            ],
            refused.Errors.Select(e => e.ErrorMessage));
        Assert.Equal(StoreFeatures.None, await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().Where(s => s.Id == bed.AlphaStore).Select(s => s.Features).SingleAsync()));
        Assert.Empty(await bed.AuditAsync());
    }

    [Fact]
    public async Task When_the_stores_orders_cannot_be_read_orders_are_refused_saying_so_but_switching_off_needs_no_read()
    {
        Coverage.Failure = new StoreApiException(StoreApiErrorKind.Transient, "The shop did not answer in 30 s.");
        var form = await As(TenantRole.Admin).GetAsync(bed.AlphaStore);
        form.Orders = true;

        var refused = await Assert.ThrowsAsync<ValidationException>(() => As(TenantRole.Admin).SaveAsync(bed.AlphaStore, form));
        Assert.Contains("The shop did not answer in 30 s.", Assert.Single(refused.Errors).ErrorMessage, StringComparison.Ordinal);

        await WriteAsync(async db => (await db.Stores.SingleAsync(s => s.Id == bed.AlphaStore)).Features = StoreFeatures.Default);
        var off = await As(TenantRole.Admin).GetAsync(bed.AlphaStore);
        off.Orders = false;
        off.Payments = false;
        await As(TenantRole.Admin).SaveAsync(bed.AlphaStore, off);

        Assert.Equal(StoreFeatures.Default & ~(StoreFeatures.Orders | StoreFeatures.Payments),
            await bed.ReadAsync(db => db.Stores.IgnoreQueryFilters().Where(s => s.Id == bed.AlphaStore).Select(s => s.Features).SingleAsync()));
        Assert.Equal(1, Coverage.Reads);
    }

    [Fact]
    public async Task A_feature_already_on_stays_on_when_its_mapping_falls_short_and_readiness_shows_why()
    {
        await WriteAsync(async db => (await db.Stores.SingleAsync(s => s.Id == bed.AlphaStore)).Features = StoreFeatures.Stock);
        var form = await As(TenantRole.Admin).GetAsync(bed.AlphaStore);
        form.NotifyCustomerOnFulfilment = false;

        await As(TenantRole.Admin).SaveAsync(bed.AlphaStore, form);

        var readiness = await As(TenantRole.Viewer).ReadinessAsync(bed.AlphaStore, readCoverage: false);
        Assert.Equal(StoreFeatures.Stock, Assert.Single(StoreFeatureRequirements.Blocks(readiness, StoreFeatures.Stock)).Feature);
        Assert.Equal(0, Coverage.Reads);
        Assert.Equal(0, await bed.ReadAsync(db => db.Jobs.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task A_direction_away_from_odoo_clears_the_export_options_that_only_apply_to_it()
    {
        await WriteAsync(db =>
        {
            db.StoreOutboundSettings.Add(new StoreOutboundSettings { StoreId = bed.AlphaStore, CreateMissingProducts = true, ExportDescriptions = true });
            return Task.CompletedTask;
        });
        var form = await As(TenantRole.Admin).GetAsync(bed.AlphaStore);
        form.Products = ProductDirection.Off;

        await As(TenantRole.Owner).SaveAsync(bed.AlphaStore, form);

        var settings = await bed.ReadAsync(db => db.StoreOutboundSettings.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((false, false), (settings.CreateMissingProducts, settings.ExportDescriptions));
    }

    [Fact]
    public async Task A_viewer_cannot_save_features()
    {
        var form = await As(TenantRole.Viewer).GetAsync(bed.AlphaStore);

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => As(TenantRole.Viewer).SaveAsync(bed.AlphaStore, form));
    }
}
