using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Stock;

/// <summary>
/// A <see cref="FlowTestBed"/> whose three products are linked variants stocked in the store (at quantity 0) at the
/// location mapped to the Odoo company's warehouse; stock jobs are queued and run through the real job store.
/// </summary>
internal sealed class StockTestBed : IAsyncDisposable
{
    public const string ShopifyLocation = "gid://shopify/Location/7";

    private readonly Dictionary<string, (string VariantId, string ItemId)> items = [];
    private int enqueued;

    private StockTestBed(FlowTestBed bed, StorePlatform platform)
    {
        Bed = bed;
        Platform = platform;
    }

    public FlowTestBed Bed { get; }

    public StorePlatform Platform { get; }

    public string StoreLocationId => Platform == StorePlatform.Shopify ? ShopifyLocation : "default";

    public long OdooLocationId { get; private set; }

    public string[] Skus => Bed.Skus;

    public static async Task<StockTestBed> StartAsync(StorePlatform platform)
    {
        var stock = new StockTestBed(await FlowTestBed.StartAsync(platform), platform);
        await stock.SetUpAsync();
        return stock;
    }

    private async Task SetUpAsync()
    {
        var (warehouse, location) = await OdooOnHand.WarehouseAsync(Bed.Odoo.Client, Bed.Odoo.CompanyId);
        OdooLocationId = location;
        foreach (var sku in Skus)
        {
            items[sku] = Platform == StorePlatform.Shopify
                ? Bed.Shopify.StockItem(sku, ShopifyLocation, 0)
                : WooCommerceItem(sku);
        }

        var now = Bed.Host.Clock.GetUtcNow();
        await WriteAsync(db =>
        {
            db.LocationMappings.Add(new LocationMapping
            {
                TenantId = Bed.TenantId, StoreId = Bed.StoreId, StoreLocationId = StoreLocationId, StoreLocationName = "Main", OdooWarehouseId = warehouse,
                IsPrimary = true, UpdatedAt = now,
            });
            foreach (var sku in Skus)
            {
                db.RecordLinks.Add(new RecordLink
                {
                    TenantId = Bed.TenantId, StoreId = Bed.StoreId, Kind = RecordLinkKind.Variant, StoreKey = VariantId(sku), OdooModel = "product.product",
                    OdooId = Bed.ProductId(sku), UpdatedAt = now,
                });
            }

            return Task.CompletedTask;
        });
    }

    private (string, string) WooCommerceItem(string sku)
    {
        var id = Bed.WooCommerce.Shop.AddProduct(body => (body["sku"], body["manage_stock"], body["stock_quantity"]) = (sku, true, 0))
            .ToString(CultureInfo.InvariantCulture);
        return (id, id);
    }

    public string VariantId(string sku) => items[sku].VariantId.Split('/')[^1];

    public Task SetOnHandAsync(int sku, decimal quantity) => OdooOnHand.SetAsync(Bed.Odoo.Client, Bed.ProductId(Skus[sku]), OdooLocationId, quantity);

    /// <summary>The store's quantity of the SKU now.</summary>
    public int StoreQuantity(int sku) => Platform == StorePlatform.Shopify
        ? Bed.Shopify.Inventory[(items[Skus[sku]].ItemId, ShopifyLocation)]
        : Bed.WooCommerce.Shop.Product(long.Parse(items[Skus[sku]].ItemId, CultureInfo.InvariantCulture))!["stock_quantity"]!.GetValue<int>();

    /// <summary>Changes the Shopify shop's quantity behind the connector's back (a sale, a person's edit).</summary>
    public void SetShopQuantity(int sku, int quantity) => Bed.Shopify.SetInventory(items[Skus[sku]].ItemId, ShopifyLocation, quantity);

    /// <summary>How many stock writes the store received: Shopify mutations, WooCommerce batch requests.</summary>
    public int StoreWrites => Platform == StorePlatform.Shopify
        ? Bed.Shopify.CallsOf("inventorySetQuantities")
        : Bed.WooCommerce.Requests.Count(r => r.Method == "POST" && r.Route?.EndsWith("/batch", StringComparison.Ordinal) == true);

    public Task SettingsAsync(Action<StoreOutboundSettings> change) =>
        WriteAsync(async db =>
        {
            var settings = await db.StoreOutboundSettings.SingleOrDefaultAsync(s => s.StoreId == Bed.StoreId);
            if (settings is null)
            {
                db.StoreOutboundSettings.Add(settings = new StoreOutboundSettings { StoreId = Bed.StoreId, TenantId = Bed.TenantId });
            }

            change(settings);
        });

    public async Task<SyncRun> ReconcileAsync()
    {
        await EnqueueAsync(StockReconcileFlow.Request(Bed.StoreId, "Flow store", null, $"test-{Interlocked.Increment(ref enqueued)}"));
        return await ReadAsync(db => db.SyncRuns.IgnoreQueryFilters().Where(r => r.StoreId == Bed.StoreId).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstAsync());
    }

    public Task SyncAsync() => EnqueueAsync(StockSyncFlow.Request(Bed.StoreId, "Flow store", $"test-{Interlocked.Increment(ref enqueued)}"));

    public Task<List<StockLevel>> LevelsAsync() =>
        ReadAsync(db => db.StockLevels.IgnoreQueryFilters().Where(l => l.StoreId == Bed.StoreId).OrderBy(l => l.OdooProductId).ToListAsync());

    private async Task EnqueueAsync(JobRequest request)
    {
        var id = (await Bed.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(Bed.TenantId, request)).JobId;
        await Bed.RunJobsAsync();
        FlowAssert.AssertSucceeded(await Bed.JobAsync(id));
    }

    private async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var db = Bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    private async Task WriteAsync(Func<PortalDbContext, Task> write)
    {
        await using var db = Bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(Bed.TenantId));
        await write(db);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Bed.DisposeAsync();
}
