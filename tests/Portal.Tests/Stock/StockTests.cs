using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;
using Portal.Sync.Flows.Stock;

namespace Portal.Tests.Stock;

/// <summary>
/// Odoo's stock reaching a store end to end, written once for both platforms: products linked between the fake Odoo
/// and the fake store, a reconciliation started as the Stock page starts it, and Odoo's "Send Webhook Notification"
/// calling the portal's notification address, whose stock poll pushes only what changed.
/// </summary>
public abstract class StockTests<TStore> : IAsyncLifetime
    where TStore : StockStore, new()
{
    protected TStore Store { get; } = new();

    /// <summary>The most quantities one stock write of the platform carries.</summary>
    protected abstract int BatchLimit { get; }

    public Task InitializeAsync() => Store.InitializeAsync();

    public Task DisposeAsync() => Store.DisposeAsync();

    [Fact]
    public async Task A_reconciliation_fixes_the_drifted_items_and_reports_how_many_were_wrong()
    {
        var skus = await Store.AddProductsAsync("DRIFT", 3, onHand: 5);
        Store.SetOnHand(skus[2], 0);

        var run = await Store.ReconcileAsync();

        Assert.Equal((SyncRunState.Succeeded, 3, 3, 2, 0), (run.State, run.Total, run.Processed, run.Changed, run.Problems));
        Assert.Equal("3 variants checked, 2 were wrong and were fixed.", run.Summary);
        Assert.Equal("owner@alpha.test", run.StartedBy);
        Assert.Equal([5, 5, 0], skus.Select(Store.StoreQuantity));
        Assert.Equal(1, Store.StoreWrites);
    }

    [Fact]
    public async Task A_stock_change_in_odoo_notified_by_its_automation_rule_reaches_the_store_and_only_that_item_is_pushed()
    {
        var skus = await Store.AddProductsAsync("CHANGE", 3, onHand: 5);
        await Store.ReconcileAsync();
        var writes = Store.StoreWrites;
        var address = await Store.NotificationAddressAsync();

        Store.SetOnHand(skus[1], 8);
        using var answer = await NotifyAsync(address, "{\"_model\":\"stock.quant\",\"_id\":1}");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        await Store.AwaitLevelAsync(skus[1], 8);
        Assert.Equal([5, 8, 5], skus.Select(Store.StoreQuantity));
        Assert.Equal(writes + 1, Store.StoreWrites);
    }

    [Fact]
    public async Task A_notification_with_a_wrong_or_no_token_or_a_large_body_is_refused_and_queues_nothing()
    {
        var address = await Store.NotificationAddressAsync();
        var tenantPath = address.AbsoluteUri[..address.AbsoluteUri.LastIndexOf('/')];

        using var wrong = await NotifyAsync(new Uri($"{tenantPath}/not-the-token"), "{}");
        using var none = await NotifyAsync(new Uri(tenantPath), "{}");
        using var large = await NotifyAsync(address, new string('x', 100_000));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge), (wrong.StatusCode, none.StatusCode, large.StatusCode));
        Assert.Empty(await Store.Portal.ReadAsync(db => db.Jobs.Where(j => j.Flow == StockSyncFlow.Name && j.IdentityKey.Contains("notified")).ToListAsync()));
    }

    [Fact]
    public async Task A_large_reconciliation_sets_its_items_in_batches_the_platform_accepts()
    {
        var count = BatchLimit + 50;
        var skus = await Store.AddProductsAsync("BATCH", count, onHand: 3);

        var run = await Store.ReconcileAsync();

        Assert.Equal($"{count} variants checked, {count} were wrong and were fixed.", run.Summary);
        Assert.All(skus, sku => Assert.Equal(3, Store.StoreQuantity(sku)));
        Assert.Equal(2, Store.StoreWrites);
    }

    [Fact]
    public async Task The_forecast_rule_counts_open_deliveries_and_the_percent_buffer_rounds_up()
    {
        var skus = await Store.AddProductsAsync("FORECAST", 1, onHand: 5);
        var product = Store.Odoo.Service.Inspect(db => db.Ids("product.product").Single(p => db.Raw("product.product", p)["default_code"]?.GetValue<string>() == skus[0]));
        var picking = Store.Odoo.Service.CreateRecord("stock.picking", new JsonObject { ["name"] = "WH/OUT/9", ["picking_type_code"] = "outgoing", ["state"] = "assigned" });
        Store.Odoo.Service.CreateRecord("stock.move", new JsonObject { ["name"] = skus[0], ["picking_id"] = picking, ["product_id"] = product, ["product_uom_qty"] = 2.0, ["quantity"] = 0.0, ["state"] = "assigned" });
        await Store.SettingsAsync(s => (s.QuantityRule, s.BufferKind, s.BufferValue) = (StockQuantityRule.Forecast, StockBufferKind.Percent, 50));

        await Store.ReconcileAsync();

        // Forecast 5 − 2 = 3; a 50 % buffer keeps back ceil(1.5) = 2.
        Assert.Equal(1, Store.StoreQuantity(skus[0]));
    }

    protected static async Task<HttpResponseMessage> NotifyAsync(Uri address, string body)
    {
        using var http = new HttpClient();
        return await http.PostAsync(address, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
    }
}
