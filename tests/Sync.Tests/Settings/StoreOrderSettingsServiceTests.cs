using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Sync.Settings;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests.Settings;

public class StoreOrderSettingsServiceTests : IAsyncLifetime
{
    private SettingsTestBed bed = default!;

    public async Task InitializeAsync() => bed = await SettingsTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private StoreOrderSettingsService As(TenantRole role, Guid? tenantId = null, string userName = "member@alpha.test") =>
        bed.Service<StoreOrderSettingsService>(tenantId ?? bed.Alpha, role, userName);

    [Fact]
    public async Task A_store_nobody_configured_has_the_defaults_and_no_row_is_written()
    {
        var form = await As(TenantRole.Viewer).GetAsync(bed.AlphaStore);

        Assert.Equal(
            (OrderImportMode.ConfirmedOrder, true, ProductMatching.SkuThenBarcode, CustomerStrategy.MatchByEmail, DiscountMode.DiscountProductLine),
            (form.ImportMode, form.ImportUnpaidOrders, form.ProductMatching, form.CustomerStrategy, form.DiscountMode));
        Assert.Equal((InvoicePolicy.OnImport, UninvoicedRefundPolicy.StandaloneCreditNote, false, 0.01m),
            (form.InvoicePolicy, form.UninvoicedRefunds, form.ReturnPickingOnRestock, form.TotalTolerance));
        Assert.Null(form.CompanyId);
        Assert.Null(form.DiscountProductId);
        Assert.Equal(0, await bed.ReadAsync(db => db.StoreOrderSettings.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Saving_writes_the_row_and_audits_what_changed_under_the_members_name()
    {
        var form = await As(TenantRole.Admin).GetAsync(bed.AlphaStore);
        form.ImportMode = OrderImportMode.Quotation;
        form.CompanyId = 1;
        form.TotalTolerance = 0.05m;

        await As(TenantRole.Admin, userName: "adam@alpha.test").SaveAsync(bed.AlphaStore, form);

        var stored = await bed.ReadAsync(db => db.StoreOrderSettings.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((bed.AlphaStore, bed.Alpha, OrderImportMode.Quotation, 1L, 0.05m, bed.Host.Clock.GetUtcNow()),
            (stored.StoreId, stored.TenantId, stored.ImportMode, stored.CompanyId, stored.TotalTolerance, stored.UpdatedAt));
        var entry = Assert.Single(await bed.AuditAsync());
        Assert.Equal(("store-settings.saved", "Alpha EU", "adam@alpha.test"), (entry.Action, entry.Subject, entry.ActorName));
        Assert.Equal("ImportMode: ConfirmedOrder → Quotation; CompanyId: none → 1; TotalTolerance: 0.01 → 0.05", entry.Details);
    }

    [Fact]
    public async Task Saving_again_updates_the_same_row_and_an_unchanged_save_says_so()
    {
        var form = await As(TenantRole.Owner).GetAsync(bed.AlphaStore);
        form.InvoicePolicy = InvoicePolicy.Never;
        await As(TenantRole.Owner).SaveAsync(bed.AlphaStore, form);
        var reread = await As(TenantRole.Owner).GetAsync(bed.AlphaStore);
        reread.TotalTolerance = 0.0100m;

        await As(TenantRole.Owner).SaveAsync(bed.AlphaStore, reread);

        Assert.Equal(InvoicePolicy.Never, (await As(TenantRole.Viewer).GetAsync(bed.AlphaStore)).InvoicePolicy);
        Assert.Equal(1, await bed.ReadAsync(db => db.StoreOrderSettings.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(["InvoicePolicy: OnImport → Never", "no changes"], (await bed.AuditAsync()).Select(e => e.Details));
    }

    [Fact]
    public async Task A_single_customer_is_kept_only_under_that_strategy()
    {
        var form = await As(TenantRole.Owner).GetAsync(bed.AlphaStore);
        form.CustomerStrategy = CustomerStrategy.SingleCustomer;
        form.SingleCustomerId = 7;
        await As(TenantRole.Owner).SaveAsync(bed.AlphaStore, form);
        Assert.Equal(7, (await As(TenantRole.Owner).GetAsync(bed.AlphaStore)).SingleCustomerId);

        form.CustomerStrategy = CustomerStrategy.MatchByEmail;
        await As(TenantRole.Owner).SaveAsync(bed.AlphaStore, form);

        Assert.Null((await As(TenantRole.Owner).GetAsync(bed.AlphaStore)).SingleCustomerId);
    }

    [Fact]
    public async Task The_server_refuses_what_the_validator_refuses()
    {
        var form = await As(TenantRole.Owner).GetAsync(bed.AlphaStore);
        form.CustomerStrategy = CustomerStrategy.SingleCustomer;
        form.TotalTolerance = 1000.01m;

        var refused = await Assert.ThrowsAsync<ValidationException>(() => As(TenantRole.Owner).SaveAsync(bed.AlphaStore, form));

        Assert.Equal([nameof(StoreOrderSettingsForm.SingleCustomerId), nameof(StoreOrderSettingsForm.TotalTolerance)],
            refused.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.Equal(0, await bed.ReadAsync(db => db.StoreOrderSettings.IgnoreQueryFilters().CountAsync()));
        Assert.Empty(await bed.AuditAsync());
    }

    [Theory]
    [InlineData(TenantRole.Viewer)]
    [InlineData(TenantRole.Finance)]
    public async Task Members_who_do_not_manage_settings_read_but_cannot_save(TenantRole role)
    {
        var form = await As(role).GetAsync(bed.AlphaStore);

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => As(role).SaveAsync(bed.AlphaStore, form));
        Assert.Equal(0, await bed.ReadAsync(db => db.StoreOrderSettings.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Another_tenants_store_is_as_unknown_as_a_removed_one()
    {
        var removed = await bed.AddStoreAsync(bed.Alpha, "Gone", removed: true);
        var form = new StoreOrderSettingsForm { TotalTolerance = 0.01m };

        await Assert.ThrowsAsync<KeyNotFoundException>(() => As(TenantRole.Owner).GetAsync(bed.BravoStore));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => As(TenantRole.Owner).SaveAsync(bed.BravoStore, form));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => As(TenantRole.Owner).SaveAsync(removed, form));
        Assert.Equal(0, await bed.ReadAsync(db => db.StoreOrderSettings.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Each_tenant_reads_its_own_stores_settings()
    {
        var alpha = await As(TenantRole.Owner).GetAsync(bed.AlphaStore);
        alpha.ImportMode = OrderImportMode.Quotation;
        await As(TenantRole.Owner).SaveAsync(bed.AlphaStore, alpha);

        var bravo = await As(TenantRole.Owner, bed.Bravo).GetAsync(bed.BravoStore);

        Assert.Equal(OrderImportMode.ConfirmedOrder, bravo.ImportMode);
        Assert.Empty(await bed.ReadAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.TenantId == bed.Bravo).ToListAsync()));
    }
}
