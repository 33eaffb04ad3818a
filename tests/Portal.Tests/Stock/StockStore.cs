using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Odoo;
using Portal.Sync.Odoo.Connection;
using Portal.Sync.Settings;
using Portal.Sync.Stores;
using Portal.Data;
using Portal.Sync.Tenancy;
using Portal.Tests.Stores;

namespace Portal.Tests.Stock;

/// <summary>
/// One store of either platform connected to the real portal (its workers running) and a fake Odoo 18, its location
/// mapped to the Odoo warehouse as a merchant would. Products are made in Odoo, stocked in the store and linked.
/// </summary>
public abstract class StockStore : IAsyncLifetime
{
    private readonly Dictionary<string, (long ProductId, string ItemId)> products = [];

    internal StoreIntakeHost Portal { get; private set; } = default!;

    public FakeOdooServer Odoo { get; private set; } = default!;

    public Guid StoreId { get; private set; }

    public Guid TenantId => Portal.TenantId;

    public long OdooLocationId { get; private set; }

    public abstract string StoreLocationId { get; }

    /// <summary>How many stock writes the store received: Shopify mutations, WooCommerce batch requests.</summary>
    public abstract int StoreWrites { get; }

    public async Task InitializeAsync()
    {
        Odoo = await FakeOdooServer.StartAsync(18);
        await StartPlatformAsync();
        Portal = await StoreIntakeHost.StartAsync();
        await Portal.ConnectOdooAsync(Odoo);
        var connected = await Portal.AsOwnerAsync(ConnectAsync);
        Assert.True(connected.Connected, connected.Message);
        StoreId = connected.StoreId!.Value;
        var warehouse = Odoo.Service.Inspect(db => db.Ids("stock.warehouse").First());
        OdooLocationId = Odoo.Service.Inspect(db => db.Raw("stock.warehouse", warehouse)["lot_stock_id"]!.GetValue<long>());
        await using var scope = AsOwner();
        await scope.ServiceProvider.GetRequiredService<LocationMappings>().AddAsync(StoreId,
            new LocationMappingForm { StoreLocationId = StoreLocationId, StoreLocationName = "Main", OdooWarehouseId = warehouse, IsPrimary = true });
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await StopPlatformAsync();
        await Odoo.DisposeAsync();
    }

    public AsyncServiceScope AsOwner() => Portal.Host.ScopeAsMember(TenantId, TenantRole.Owner, "owner-1", "owner@alpha.test");

    /// <summary>Makes <paramref name="count"/> storable products in Odoo with <paramref name="onHand"/> each, stocks them in the store at 0 and links them.</summary>
    public async Task<IReadOnlyList<string>> AddProductsAsync(string prefix, int count, decimal onHand)
    {
        var skus = Enumerable.Range(1, count).Select(i => $"{prefix}-{i}").ToList();
        var links = new List<RecordLink>();
        foreach (var sku in skus)
        {
            var template = Odoo.Service.CreateRecord("product.template", new JsonObject { ["name"] = sku, ["default_code"] = sku, ["type"] = "consu", ["is_storable"] = true });
            var product = Odoo.Service.Inspect(db => db.Ids("product.product").Single(p => db.Raw("product.product", p)["product_tmpl_id"]!.GetValue<long>() == template));
            Odoo.Service.SetOnHand(product, OdooLocationId, onHand);
            var (variant, item) = AddStoreItem(sku);
            products[sku] = (product, item);
            links.Add(new RecordLink { TenantId = TenantId, StoreId = StoreId, Kind = RecordLinkKind.Variant, StoreKey = variant, OdooModel = "product.product", OdooId = product });
        }

        await using var db = Portal.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(TenantId));
        db.RecordLinks.AddRange(links);
        await db.SaveChangesAsync();
        return skus;
    }

    /// <summary>Changes the store's outbound settings (the lead's settings form does this for people).</summary>
    public async Task SettingsAsync(Action<StoreOutboundSettings> change)
    {
        await using var db = Portal.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(TenantId));
        var settings = await db.StoreOutboundSettings.SingleOrDefaultAsync(s => s.StoreId == StoreId);
        if (settings is null)
        {
            db.StoreOutboundSettings.Add(settings = new StoreOutboundSettings { StoreId = StoreId, TenantId = TenantId });
        }

        change(settings);
        await db.SaveChangesAsync();
    }

    public void SetOnHand(string sku, decimal quantity) => Odoo.Service.SetOnHand(products[sku].ProductId, OdooLocationId, quantity);

    public int? StoreQuantity(string sku) => StoreQuantityOf(products[sku].ItemId);

    /// <summary>Starts a reconciliation as the owner does from the Stock page and waits for its run to finish.</summary>
    public async Task<SyncRun> ReconcileAsync()
    {
        await using var scope = AsOwner();
        var run = await scope.ServiceProvider.GetRequiredService<StockReconciliations>().StartAsync(StoreId);
        return await Portal.EventuallyAsync(db => db.SyncRuns.SingleAsync(r => r.Id == run.Id), r => r.State != SyncRunState.Running, "the reconciliation to finish");
    }

    /// <summary>Waits for the portal to have set <paramref name="sku"/> to <paramref name="quantity"/> and recorded it.</summary>
    public Task AwaitLevelAsync(string sku, int quantity) =>
        Portal.EventuallyAsync(db => db.StockLevels.Where(l => l.StoreId == StoreId && l.OdooProductId == products[sku].ProductId).Select(l => l.Quantity).SingleOrDefaultAsync(),
            q => q == quantity, $"{sku}'s stock level to be {quantity}");

    public async Task<Uri> NotificationAddressAsync()
    {
        await using var scope = AsOwner();
        return (await scope.ServiceProvider.GetRequiredService<OdooNotifications>().RotateAsync())!;
    }

    /// <summary>Returns the store's variant id and the stock item id of a new item of <paramref name="sku"/> stocked at 0.</summary>
    protected abstract (string VariantId, string ItemId) AddStoreItem(string sku);

    protected abstract int? StoreQuantityOf(string itemId);

    protected abstract Task StartPlatformAsync();

    protected abstract Task StopPlatformAsync();

    protected abstract Task<StoreConnectResult> ConnectAsync(StoreDirectory stores);
}
