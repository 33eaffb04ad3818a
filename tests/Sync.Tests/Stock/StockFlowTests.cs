using Portal.Data.Entities;
using Portal.Sync.Flows.Stock;

namespace Portal.Sync.Tests.Stock;

/// <summary>
/// Odoo's stock into the stores through the job store, the job runner, <see cref="StockReconcileFlow"/> and
/// <see cref="StockSyncFlow"/>, against the fake Odoo or a real one (ODOO_*), and the fake Shopify and WooCommerce.
/// </summary>
[Trait("Category", "OdooFlow")]
public class StockFlowTests
{
    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_reconciliation_links_the_store_items_fixes_the_drifted_ones_and_reports_the_count(StorePlatform platform)
    {
        await using var stock = await StockTestBed.StartAsync(platform);
        await stock.SetOnHandAsync(0, 5);
        await stock.SetOnHandAsync(1, 12);

        var run = await stock.ReconcileAsync();

        Assert.Equal((5, 12, 0), (stock.StoreQuantity(0), stock.StoreQuantity(1), stock.StoreQuantity(2)));
        Assert.Equal((SyncRunState.Succeeded, 3, 3, 2, 0), (run.State, run.Total, run.Processed, run.Changed, run.Problems));
        Assert.Equal("3 variants checked, 2 were wrong and were fixed.", run.Summary);
        var levels = await stock.LevelsAsync();
        Assert.Equal(stock.Skus.Select(s => stock.Bed.ProductId(s)).Order(), levels.Select(l => l.OdooProductId));
        Assert.Equal([5, 12, 0], levels.Select(l => l.Quantity));
        Assert.All(levels, l => Assert.Equal(stock.StoreLocationId, l.StoreLocationId));
        Assert.Equal(1, stock.StoreWrites);
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task A_stock_change_in_odoo_reaches_the_store_and_only_the_changed_item_is_pushed(StorePlatform platform)
    {
        await using var stock = await StockTestBed.StartAsync(platform);
        await stock.SetOnHandAsync(0, 5);
        await stock.SetOnHandAsync(1, 12);
        await stock.ReconcileAsync();
        await stock.SyncAsync();
        var writes = stock.StoreWrites;

        await stock.SetOnHandAsync(1, 7);
        await stock.SyncAsync();

        Assert.Equal((5, 7, 0), (stock.StoreQuantity(0), stock.StoreQuantity(1), stock.StoreQuantity(2)));
        Assert.Equal(writes + 1, stock.StoreWrites);
        Assert.Equal([5, 7, 0], (await stock.LevelsAsync()).Select(l => l.Quantity));

        await stock.SyncAsync();
        Assert.Equal(writes + 1, stock.StoreWrites);
    }

    [Theory]
    [InlineData(StorePlatform.Shopify)]
    [InlineData(StorePlatform.WooCommerce)]
    public async Task The_buffer_is_kept_back_from_the_store(StorePlatform platform)
    {
        await using var stock = await StockTestBed.StartAsync(platform);
        await stock.SettingsAsync(s => (s.BufferKind, s.BufferValue) = (StockBufferKind.Units, 3));
        await stock.SetOnHandAsync(0, 10);
        await stock.SetOnHandAsync(1, 2);

        await stock.ReconcileAsync();
        Assert.Equal((7, 0), (stock.StoreQuantity(0), stock.StoreQuantity(1)));

        await stock.SettingsAsync(s => (s.BufferKind, s.BufferValue) = (StockBufferKind.Percent, 25));
        await stock.ReconcileAsync();
        Assert.Equal((7, 1), (stock.StoreQuantity(0), stock.StoreQuantity(1)));
    }

    [Fact]
    public async Task A_stale_compare_on_shopify_is_set_again_from_the_quantity_the_shop_has()
    {
        await using var stock = await StockTestBed.StartAsync(StorePlatform.Shopify);
        await stock.SetOnHandAsync(0, 5);
        await stock.ReconcileAsync();
        await stock.SyncAsync();
        stock.SetShopQuantity(0, 4);

        await stock.SetOnHandAsync(0, 9);
        await stock.SyncAsync();

        Assert.Equal(9, stock.StoreQuantity(0));
        Assert.Equal(1, stock.Bed.Shopify.CallsOf("nodes"));
        Assert.Equal(9, (await stock.LevelsAsync())[0].Quantity);
    }
}
