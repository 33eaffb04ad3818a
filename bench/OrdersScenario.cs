using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Fakes.Odoo;
using Portal.Fakes.Orders;
using Portal.Fakes.Shopify;
using Portal.Sync.Jobs;
using Portal.Sync.Mapping;
using Portal.Sync.Odoo;
using Portal.Sync.Secrets;
using Portal.Sync.Shopify;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Bench;

/// <summary>
/// Order to cash end to end: the real portal on Kestrel over a fresh SQLite file, a fake Shopify shop, and the
/// fake Odoo 17 or a real Odoo when ODOO_URL, ODOO_DB, ODOO_USER and ODOO_PASSWORD are set. One returning
/// customer's paid orders arrive as signed orders/create webhooks through the intake; the job engine imports
/// each as a confirmed sale order. Measures orders a second from the first webhook to the last order confirmed,
/// and the Odoo round trips per order (handshakes aside); then, on the same Odoo, the same number of sale orders with the same lines created and
/// confirmed one after the other straight through the Odoo client, the most the flow could reach.
/// <para>
/// Measured warm, as a portal that has been running: the first order links the customer and the variants, then
/// orders are imported in rounds until the runtime has stopped recompiling hot code (see <see cref="WarmUpAsync"/>).
/// </para>
/// <para>
/// Only the orders flow runs: the store takes orders, not payments or refunds, whose jobs would follow each order.
/// The job engine runs with its defaults but polls every 100 ms instead of every 2 s, so the wait for the first
/// poll does not dominate a run of a few seconds. The fake Shopify's rate limit is lifted: the store is not measured.
/// </para>
/// </summary>
internal static class OrdersScenario
{
    private const int FakeOrders = 200;
    private const int FakeWarmupRound = 20;
    private const int RealOrders = 30;
    private const int RealWarmupRound = 5;
    private const int MaxWarmupRounds = 30;

    // A warm-up round that compiles fewer methods has reached the code the measurement will run.
    private const int SettledMethodsPerRound = 50;
    private const double RoundTripsTarget = 4;
    private const double RatioTarget = 0.8;
    private const string Secret = "bench-webhook-secret";
    private const string TaxTitle = "Sales Tax 15%";
    private static readonly TimeSpan JobPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CompletionPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(10);

    // Prices whose 15 % is whole cents, so Odoo's totals match the store's under either tax rounding.
    private static readonly (string Sku, string Name, decimal Price)[] Goods = [("FURN_7777", "Office Chair", 70.00m), ("FURN_7800", "Desk Combination", 450.00m)];

    public static async Task<int> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("portal-bench-orders-").FullName;
        FakeOdooServer? fakeOdoo = null;
        try
        {
            OdooEndpoint endpoint;
            if (Environment.GetEnvironmentVariable("ODOO_URL") is { Length: > 0 } url)
            {
                endpoint = new OdooEndpoint(new Uri(url), Env("ODOO_DB"), Env("ODOO_USER"), Env("ODOO_PASSWORD"));
            }
            else
            {
                fakeOdoo = await FakeOdooServer.StartAsync(17);
                endpoint = new OdooEndpoint(fakeOdoo.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey);
            }

            var (orders, warmupRound) = fakeOdoo is null ? (RealOrders, RealWarmupRound) : (FakeOrders, FakeWarmupRound);
            await using var shop = await FakeShopifyServer.StartAsync(maximumAvailable: 1e9, restoreRate: 1e9);
            var calls = new OdooCalls();
            await using var app = await BenchPortal.StartAsync(directory, new Dictionary<string, string?>
            {
                ["Jobs:PollInterval"] = JobPollInterval.ToString(),
                ["Stores:PollInterval"] = "01:00:00",
                ["Stores:SubscriptionCheckInterval"] = "01:00:00",
                ["Stores:AllowLoopbackAddresses"] = "true",
            }, services => services.AddHttpClient("odoo").AddHttpMessageHandler(calls.Counter));

            // The client the flows get for this endpoint (one per endpoint and process), so the baseline shares its connection.
            var odoo = app.Services.GetRequiredService<OdooClientFactory>().For(endpoint);
            var catalogue = await BenchCatalogue.PrepareAsync(odoo, Goods);
            var (tenant, store) = await AddTenantAsync(app.Services, endpoint, shop, catalogue.TaxId);
            var origins = new StoreOrderSetup(store, new StoreOrderSettings(), [], [], [], []);
            await CheckNoEarlierOrdersAsync(odoo, origins);
            var webhooks = new Uri(BenchPortal.Address(app), $"/webhooks/shopify/{store.Id}");
            var spec = Spec($"bench.{Guid.NewGuid().ToString("N")[..8]}@example.com");

            // The first order links the customer and the variants.
            var imported = await ImportAsync(app, tenant, shop, webhooks, spec, 1, 0);
            imported = await WarmUpAsync(app, tenant, shop, webhooks, spec, warmupRound, imported);

            var before = calls.ModelCalls();
            fakeOdoo?.ClearCalls();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var measured = await SendAsync(shop, webhooks, spec, orders);
            await WaitForImportsAsync(app, tenant, imported + orders);
            var ordersPerSecond = orders / watch.Elapsed.TotalSeconds;
            var cpuPerOrder = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / orders;
            var roundTrips = calls.ModelCallsSince(before);
            var roundTripsPerOrder = roundTrips.Values.Sum() / (double)orders;
            Check(fakeOdoo is null || fakeOdoo.ModelCallCount == roundTrips.Values.Sum(),
                $"the fake Odoo counted {fakeOdoo?.ModelCallCount} model calls, the client sent {roundTrips.Values.Sum()}");

            var confirmed = await odoo.SearchAsync("sale.order",
                OdooDomain.In("origin", measured.Select(id => origins.Origin(id.ToString(CultureInfo.InvariantCulture)))).And(OdooDomain.Where("state", "=", "sale")));
            Check(confirmed.Count == orders, $"{confirmed.Count} of the {orders} orders are confirmed sale orders in Odoo");

            var rawOrdersPerSecond = await RawOrdersPerSecondAsync(odoo, catalogue, confirmed[0], orders);
            var ratio = ordersPerSecond / rawOrdersPerSecond;

            var profile = await odoo.GetProfileAsync();
            var transport = await odoo.GetTransportAsync();
            var engine = app.Services.GetRequiredService<IOptions<JobEngineOptions>>().Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{imported} orders imported to warm up; odoo {profile.Version.ServerVersion} over {transport}; jobs {engine.Concurrency} at once, {engine.StoreConcurrency} per store, polled every {engine.PollInterval.TotalMilliseconds:0} ms; " +
                $"{cpuPerOrder:0.0} ms of this process's CPU per order ({(fakeOdoo is null ? "portal and fake shop" : "portal, fake shop and fake Odoo")})"));
            Console.WriteLine("odoo calls per order: " + string.Join(' ', roundTrips.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value / (double)orders:0.##}"))));
            var met = roundTripsPerOrder <= RoundTripsTarget && ratio >= RatioTarget;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT orders odoo={(fakeOdoo is null ? "real" : "fake")} orders={orders} orders_per_s={ordersPerSecond:0.0} raw_orders_per_s={rawOrdersPerSecond:0.0} ratio={ratio:0.00} round_trips_per_order={roundTripsPerOrder:0.00} targets={(met ? "met" : "missed")}"));
            return met ? 0 : 1;
        }
        finally
        {
            if (fakeOdoo is not null)
            {
                await fakeOdoo.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>One returning customer's paid order of the catalogue's goods, taxed 15 % on each line, as Shopify computes it.</summary>
    private static FakeOrderSpec Spec(string email) => new()
    {
        CustomerId = "7001",
        Email = email,
        Lines = [.. Goods.Select(g => new FakeOrderLineSpec(g.Sku, g.Name, 1, g.Price, [new FakeTaxSpec(TaxTitle, 0.15m)]))],
    };

    private static async Task<(Guid Tenant, Store Store)> AddTenantAsync(IServiceProvider services, OdooEndpoint endpoint, FakeShopifyServer shop, long taxId)
    {
        var now = DateTimeOffset.UtcNow;
        var secrets = services.GetRequiredService<SecretProtector>();
        var tenant = await BenchTenants.AddAsync(services, endpoint);
        await using var tenantDb = services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(tenant));
        var store = new Store
        {
            Platform = StorePlatform.Shopify,
            Name = "Bench shop",
            Address = shop.Url.ToString(),
            ProtectedCredentials = secrets.Protect(new ShopifyCredentials(shop.AccessToken).ToJson()),
            ProtectedWebhookSecret = secrets.Protect(Secret),
            Features = StoreFeatures.Orders,
            CreatedAt = now,
            UpdatedAt = now,
        };
        tenantDb.Stores.Add(store);
        tenantDb.StoreOrderSettings.Add(new StoreOrderSettings { StoreId = store.Id, UpdatedAt = now });
        tenantDb.TaxMappings.Add(new TaxMapping { StoreId = store.Id, Title = TaxTitle, Rate = 0.15m, OdooTaxId = taxId, UpdatedAt = now });
        await tenantDb.SaveChangesAsync();
        return (tenant, store);
    }

    /// <summary>A sale order from an earlier run on this shop's address would be updated instead of created: refuse to measure that.</summary>
    private static async Task CheckNoEarlierOrdersAsync(OdooClient odoo, StoreOrderSetup origins)
    {
        var prefix = origins.Origin("");
        var earlier = await odoo.SearchAsync("sale.order", OdooDomain.Where("origin", "=like", prefix + "%"), 1);
        Check(earlier.Count == 0, $"Odoo has sale orders of an earlier run with the origin {prefix}…; run again (the fake shop takes another port)");
    }

    /// <summary>
    /// Imports rounds of orders until two rounds in a row leave the JIT nearly idle; returns how many are imported
    /// in all. Until then the runtime's background recompiling takes much of the CPU, a real Odoo's run included.
    /// </summary>
    private static async Task<int> WarmUpAsync(WebApplication app, Guid tenant, FakeShopifyServer shop, Uri webhooks, FakeOrderSpec spec, int round, int imported)
    {
        var quietRounds = 0;
        for (var number = 0; number < MaxWarmupRounds && quietRounds < 2; number++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            imported = await ImportAsync(app, tenant, shop, webhooks, spec, round, imported);

            // One quiet round can be a pause between the runtime's recompilations.
            quietRounds = JitInfo.GetCompiledMethodCount() - compiled < SettledMethodsPerRound ? quietRounds + 1 : 0;
        }

        return imported;
    }

    /// <summary>Places and sends <paramref name="count"/> orders, then waits until all are imported; returns how many are imported in all.</summary>
    private static async Task<int> ImportAsync(WebApplication app, Guid tenant, FakeShopifyServer shop, Uri webhooks, FakeOrderSpec spec, int count, int importedBefore)
    {
        await SendAsync(shop, webhooks, spec, count);
        await WaitForImportsAsync(app, tenant, importedBefore + count);
        return importedBefore + count;
    }

    /// <summary>Places the orders in the shop first, so only their webhooks are sent while measuring; returns the orders' ids.</summary>
    private static async Task<IReadOnlyList<long>> SendAsync(FakeShopifyServer shop, Uri webhooks, FakeOrderSpec spec, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => shop.AddOrder(spec)).ToList();
        foreach (var id in ids)
        {
            using var response = await shop.SendOrderWebhookAsync(webhooks, "orders/create", id, Secret);
            Check(response.IsSuccessStatusCode, $"the webhook of order {id} was answered {(int)response.StatusCode}");
        }

        return ids;
    }

    /// <summary>Waits until <paramref name="expected"/> order jobs succeeded; a job that failed or waits for a person stops the run with its error.</summary>
    private static async Task WaitForImportsAsync(WebApplication app, Guid tenant, int expected)
    {
        var activator = app.Services.GetRequiredService<PortalDbContextActivator>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = activator.Create(NoTenant.Instance))
            {
                var jobs = db.Jobs.IgnoreQueryFilters().Where(j => j.TenantId == tenant && j.Flow == StoreChangeJobs.OrdersFlow);
                if (await jobs.FirstOrDefaultAsync(j => j.State == JobState.Failed || j.State == JobState.NeedsAttention) is { } failed)
                {
                    throw new InvalidOperationException($"The order job '{failed.Subject}' did not succeed ({failed.State}): {failed.LastError}");
                }

                if (await jobs.CountAsync(j => j.State == JobState.Succeeded) >= expected)
                {
                    return;
                }
            }

            Check(deadline.Elapsed < CompletionTimeout, $"{expected} orders were not imported within {CompletionTimeout.TotalMinutes:0} minutes");
            await Task.Delay(CompletionPoll);
        }
    }

    /// <summary>Creates and confirms <paramref name="count"/> sale orders one after the other, like <paramref name="model"/> (its customer, the same lines); orders a second.</summary>
    private static async Task<double> RawOrdersPerSecondAsync(OdooClient odoo, BenchCatalogue catalogue, long model, int count)
    {
        var profile = await odoo.GetProfileAsync();
        var parties = (await odoo.ReadAsync("sale.order", [model], ["partner_id", "partner_invoice_id", "partner_shipping_id"]))[0]!;
        var run = Guid.NewGuid().ToString("N")[..8];
        JsonObject Order(int number) => new()
        {
            ["partner_id"] = parties.ManyToOneId("partner_id"),
            ["partner_invoice_id"] = parties.ManyToOneId("partner_invoice_id"),
            ["partner_shipping_id"] = parties.ManyToOneId("partner_shipping_id"),
            ["client_order_ref"] = $"bench-raw-{run}-{number}",
            ["origin"] = $"bench-raw:{run}:{number}",
            ["date_order"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["order_line"] = new JsonArray([.. Goods.Select((g, index) => (JsonNode)new JsonArray(0, 0, new JsonObject
            {
                ["product_id"] = catalogue.Products[g.Sku],
                ["name"] = g.Name,
                ["product_uom_qty"] = 1,
                ["price_unit"] = (double)g.Price,
                ["discount"] = 0.0,
                [profile.SaleLineTaxesField] = new JsonArray(new JsonArray(6, 0, new JsonArray(catalogue.TaxId))),
                ["sequence"] = (index + 1) * 10,
            }))]),
        };

        async Task CreateAndConfirmAsync(int number)
        {
            var id = (await odoo.CreateAsync("sale.order", [Order(number)]))[0];
            await odoo.CallAsync("sale.order", "action_confirm", [id]);
        }

        await CreateAndConfirmAsync(-1);
        var watch = Stopwatch.StartNew();
        for (var number = 0; number < count; number++)
        {
            await CreateAndConfirmAsync(number);
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The benchmark's own check failed: {what}.");
        }
    }

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"ODOO_URL is set, so {name} must be set too.");
}
