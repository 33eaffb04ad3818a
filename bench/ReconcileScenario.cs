using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Fakes.Shopify;
using Portal.Sync.Flows.Stock;
using Portal.Sync.Jobs;
using Portal.Sync.Odoo;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Tenancy;

namespace Portal.Bench;

/// <summary>
/// Stock from Odoo to Shopify through the real portal (Kestrel, SQLite, the job engine) against the fake Odoo 17 and
/// the fake Shopify with its rate limit on: a bucket of <see cref="Bucket"/> points restoring <see cref="RestoreRate"/>
/// a second (Shopify Plus's GraphQL limit). <see cref="Variants"/> linked variants, every one drifted (0 in the shop).
/// <para>
/// Reconciliation: one <c>stock.reconcile</c> job lists the location's inventory levels, reads Odoo's quantities and
/// sets all of them. Counted: inventorySetQuantities mutations (target ≤ 40), and the wall time against the least the
/// limit allows, max(0, points actually charged − the full bucket at the start) / restore rate (target ≤ 1.1×).
/// </para>
/// <para>
/// Latency of an Odoo change to the shop with the default 60 s poll: the schedule runs on a fake clock, the work on
/// the real one. Each of <see cref="Changes"/> changes happens at a random moment of the fake clock; the fake clock
/// then jumps to the next poll slot, where the real <see cref="StockScheduler"/> enqueues the store's poll; the real
/// time from there until the new quantity is in the shop is measured. A change's latency is its wait for the slot
/// (fake time) plus that processing time (real). Target: p95 ≤ 90 s.
/// </para>
/// </summary>
internal static class ReconcileScenario
{
    private const int Variants = 10_000;
    private const int Changes = 40;
    private const double Bucket = 2000;
    private const double RestoreRate = 1000;
    private const int MutationsTarget = 40;
    private const double TimeRatioTarget = 1.1;
    private const string Location = "gid://shopify/Location/1";
    private static readonly TimeSpan LatencyTarget = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = new StockOptions().PollInterval;

    public static async Task<int> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("portal-bench-reconcile-").FullName;
        try
        {
            await using var odoo = await FakeOdooServer.StartAsync(17);
            await using var shop = await FakeShopifyServer.StartAsync(maximumAvailable: Bucket, restoreRate: RestoreRate);
            await using var app = await BenchPortal.StartAsync(directory, new Dictionary<string, string?>
            {
                ["Jobs:PollInterval"] = "00:00:00.100",
                ["Stores:PollInterval"] = "01:00:00",
                ["Stores:SubscriptionCheckInterval"] = "01:00:00",
                ["Stores:AllowLoopbackAddresses"] = "true",
                // The bench drives the polls itself, on its fake clock.
                ["Stock:PollInterval"] = "01:00:00",
            });
            var (products, stockLocation) = SeedOdoo(odoo);
            var items = products.Select((_, i) => shop.StockItem($"BENCH-{i}", Location, 0)).ToList();
            var (tenant, store) = await AddStoreAsync(app.Services, odoo, shop, products, items);
            var jobs = app.Services.GetRequiredService<JobStore>();

            // Reconciliation.
            var mutationsBefore = shop.CallsOf("inventorySetQuantities");
            var chargedBefore = shop.Bucket.TotalCharged;
            var watch = Stopwatch.StartNew();
            await jobs.EnqueueAsync(tenant, StockReconcileFlow.Request(store, "Bench shop", null, "bench"));
            var run = await WaitAsync(app, tenant, db => db.SyncRuns.SingleOrDefaultAsync(), r => r is { State: not SyncRunState.Running });
            var elapsed = watch.Elapsed.TotalSeconds;
            var mutations = shop.CallsOf("inventorySetQuantities") - mutationsBefore;
            var charged = shop.Bucket.TotalCharged - chargedBefore;
            var minimum = Math.Max(0, charged - Bucket) / RestoreRate;
            var ratio = minimum == 0 ? 1 : elapsed / minimum;
            Check(run!.State == SyncRunState.Succeeded && run.Changed == Variants, $"the run {run.State}: {run.Summary}");
            Check(items.Select((item, i) => shop.Inventory[(item.InventoryItemGid, Location)] == Quantity(i)).All(ok => ok), "every variant has Odoo's quantity in the shop");

            // Latency.
            var latencies = await LatenciesAsync(app, tenant, store, odoo, shop, products, items, stockLocation);
            var p95 = latencies.Order().ElementAt((int)Math.Ceiling(0.95 * latencies.Count) - 1);

            var met = mutations <= MutationsTarget && ratio <= TimeRatioTarget && p95 <= LatencyTarget.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Summary} Shopify limit: bucket {Bucket} points restoring {RestoreRate}/s; {charged:0} points charged; latency over {Changes} changes, poll every {PollInterval.TotalSeconds:0} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT reconcile variants={Variants} bucket={Bucket} restore_per_s={RestoreRate} mutations={mutations} time_s={elapsed:0.0} minimum_s={minimum:0.0} time_ratio={ratio:0.00} latency_p50_s={latencies.Order().ElementAt(latencies.Count / 2):0.0} latency_p95_s={p95:0.0} targets={(met ? "met" : "missed")}"));
            return met ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int Quantity(int variant) => 5 + (variant % 7);

    /// <summary>Storable products with their quants at the warehouse's stock location, written straight into the fake's tables (the seed's way).</summary>
    private static (List<long> Products, long Location) SeedOdoo(FakeOdooServer odoo) => odoo.Service.Inspect(db =>
    {
        var location = db.Raw("stock.warehouse", db.Ids("stock.warehouse").First())["lot_stock_id"]!.GetValue<long>();
        var products = new List<long>(Variants);
        for (var i = 0; i < Variants; i++)
        {
            var template = db.Create("product.template", new JsonObject { ["name"] = $"Bench {i}", ["default_code"] = $"BENCH-{i}", ["detailed_type"] = "product" });
            var product = db.Create("product.product", new JsonObject { ["name"] = $"Bench {i}", ["default_code"] = $"BENCH-{i}", ["product_tmpl_id"] = template, ["detailed_type"] = "product" });
            db.Create("stock.quant", new JsonObject { ["product_id"] = product, ["location_id"] = location, ["quantity"] = Quantity(i), ["reserved_quantity"] = 0 });
            products.Add(product);
        }

        return (products, location);
    });

    private static async Task<(Guid Tenant, Guid Store)> AddStoreAsync(
        IServiceProvider services, FakeOdooServer odoo, FakeShopifyServer shop, List<long> products, List<(string VariantGid, string InventoryItemGid)> items)
    {
        var now = DateTimeOffset.UtcNow;
        var tenant = await BenchTenants.AddAsync(services, new OdooEndpoint(odoo.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey));
        await using var tenantDb = services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(tenant));
        var store = new Store
        {
            Platform = StorePlatform.Shopify, Name = "Bench shop", Address = shop.Url.ToString(), ProtectedCredentials = services.GetRequiredService<SecretProtector>().Protect(new ShopifyCredentials(shop.AccessToken).ToJson()),
            Features = StoreFeatures.Stock, CreatedAt = now, UpdatedAt = now,
        };
        tenantDb.Stores.Add(store);
        var warehouse = odoo.Service.Inspect(db => db.Ids("stock.warehouse").First());
        tenantDb.LocationMappings.Add(new LocationMapping { StoreId = store.Id, StoreLocationId = Location, StoreLocationName = "Main", OdooWarehouseId = warehouse, IsPrimary = true, UpdatedAt = now });
        tenantDb.RecordLinks.AddRange(items.Select((item, i) => new RecordLink
        {
            StoreId = store.Id, Kind = RecordLinkKind.Variant, StoreKey = item.VariantGid.Split('/')[^1], OdooModel = "product.product", OdooId = products[i], UpdatedAt = now,
        }));
        await tenantDb.SaveChangesAsync();
        return (tenant, store.Id);
    }

    private static async Task<List<double>> LatenciesAsync(WebApplication app, Guid tenant, Guid store, FakeOdooServer odoo, FakeShopifyServer shop,
        List<long> products, List<(string VariantGid, string InventoryItemGid)> items, long location)
    {
        var clock = new ScheduleClock(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var scheduler = new StockScheduler(app.Services.GetRequiredService<PortalDbContextActivator>(), app.Services.GetRequiredService<JobStore>(),
            Options.Create(new StockOptions()), clock);

        // The first poll sets the store's cursor; nothing differs after the reconciliation.
        await PollAsync(app, tenant, scheduler, clock);
        var random = new Random(7);
        var latencies = new List<double>();
        for (var change = 0; change < Changes; change++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.NextDouble() * PollInterval.TotalSeconds));
            var variant = random.Next(Variants);
            var quantity = 100 + change;
            odoo.Service.SetOnHand(products[variant], location, quantity);
            var changedAt = clock.GetUtcNow();
            var nextSlot = new DateTimeOffset((changedAt.UtcTicks / PollInterval.Ticks + 1) * PollInterval.Ticks, TimeSpan.Zero);
            clock.Advance(nextSlot - changedAt);
            var watch = Stopwatch.StartNew();
            await PollAsync(app, tenant, scheduler, clock);
            await WaitUntilAsync(() => shop.Inventory[(items[variant].InventoryItemGid, Location)] == quantity);
            latencies.Add((nextSlot - changedAt).TotalSeconds + watch.Elapsed.TotalSeconds);
        }

        return latencies;

        async Task PollAsync(WebApplication portal, Guid tenantId, StockScheduler schedule, ScheduleClock time)
        {
            Check(await schedule.EnqueueDueSyncsAsync() == 1, $"one stock poll enqueued at {time.GetUtcNow():HH:mm:ss}");
            await WaitAsync(portal, tenantId, db => db.Jobs.CountAsync(j => j.Flow == StockSyncFlow.Name && j.State != JobState.Succeeded), pending => pending == 0);
        }
    }

    private static async Task<T> WaitAsync<T>(WebApplication app, Guid tenant, Func<PortalDbContext, Task<T>> read, Func<T, bool> done)
    {
        var activator = app.Services.GetRequiredService<PortalDbContextActivator>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = activator.Create(TenantContext.SystemFor(tenant)))
            {
                var value = await read(db);
                if (done(value))
                {
                    return value;
                }
            }

            Check(deadline.Elapsed < TimeSpan.FromMinutes(10), "the portal finished within 10 minutes");
            await Task.Delay(20);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            Check(deadline.Elapsed < TimeSpan.FromMinutes(2), "the change reached the shop within 2 minutes");
            await Task.Delay(5);
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Expected {what}.");
        }
    }
}
