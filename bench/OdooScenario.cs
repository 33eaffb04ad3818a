using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Fakes.Odoo;
using Portal.Sync.Odoo;

namespace Portal.Bench;

/// <summary>
/// Odoo gateway round trips: resolve 100 products by SKU, 100 partners by email, create and confirm 50
/// sale orders. Against the fake Odoo 17 by default, a real Odoo when ODOO_URL, ODOO_DB, ODOO_USER and
/// ODOO_PASSWORD are set. Each step must take a constant number of round trips, not one per record.
/// </summary>
internal static class OdooScenario
{
    private const int Products = 100;
    private const int Partners = 100;
    private const int Orders = 50;

    // Round trips per step: one search_read for all SKUs, one for all emails, one create plus one action_confirm for all orders.
    private const int ProductRoundTripsTarget = 1;
    private const int PartnerRoundTripsTarget = 1;
    private const int OrderRoundTripsTarget = 2;

    // Wall time only judged against the fake: a real Odoo's speed is the server's, reported but not judged.
    private static readonly TimeSpan FakeStepTarget = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync()
    {
        var counter = new RoundTripCounter();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddOdooGateway();
        services.AddHttpClient("odoo").AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider();

        FakeOdooServer? fake = null;
        OdooEndpoint endpoint;
        if (Environment.GetEnvironmentVariable("ODOO_URL") is { Length: > 0 } url)
        {
            endpoint = new OdooEndpoint(new Uri(url), Env("ODOO_DB"), Env("ODOO_USER"), Env("ODOO_PASSWORD"));
        }
        else
        {
            fake = await FakeOdooServer.StartAsync(17);
            endpoint = new OdooEndpoint(fake.Url, FakeOdooServer.DatabaseName, "admin", FakeOdooSeed.AdminApiKey);
        }

        try
        {
            var odoo = provider.GetRequiredService<OdooClientFactory>().For(endpoint);
            var run = Guid.NewGuid().ToString("N")[..8];
            var (skus, emails, productId, partnerId) = await PrepareAsync(odoo, run);

            var products = await MeasureAsync(counter, async () =>
            {
                var found = await odoo.SearchReadAsync("product.product", OdooDomain.In("default_code", skus), ["default_code"]);
                Check(found.Count == Products, $"found {found.Count} of {Products} products");
            });
            var partners = await MeasureAsync(counter, async () =>
            {
                var found = await odoo.SearchReadAsync("res.partner", OdooDomain.In("email", emails), ["email"]);
                Check(found.Count == Partners, $"found {found.Count} of {Partners} partners");
            });
            var orders = await MeasureAsync(counter, async () =>
            {
                var values = Enumerable.Range(0, Orders).Select(i => new JsonObject
                {
                    ["partner_id"] = partnerId,
                    ["client_order_ref"] = $"bench-{run}-{i}",
                    ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["product_id"] = productId, ["product_uom_qty"] = 1, ["price_unit"] = 10.0 })),
                }).ToList();
                var ids = await odoo.CreateAsync("sale.order", values);
                await odoo.CallAsync("sale.order", "action_confirm", ids);
                Check(ids.Count == Orders, $"created {ids.Count} of {Orders} orders");
            });

            var judgeTime = fake is not null;
            var met = products.RoundTrips <= ProductRoundTripsTarget && partners.RoundTrips <= PartnerRoundTripsTarget && orders.RoundTrips <= OrderRoundTripsTarget
                      && (!judgeTime || new[] { products, partners, orders }.All(s => s.Elapsed <= FakeStepTarget));
            var server = (await odoo.GetProfileAsync()).Version.ServerVersion;
            var transport = await odoo.GetTransportAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT odoo target={(fake is null ? "real" : "fake")} server={server} transport={transport} " +
                $"products={Products} products_round_trips={products.RoundTrips} products_ms={products.Elapsed.TotalMilliseconds:0} " +
                $"partners={Partners} partners_round_trips={partners.RoundTrips} partners_ms={partners.Elapsed.TotalMilliseconds:0} " +
                $"orders={Orders} orders_round_trips={orders.RoundTrips} orders_ms={orders.Elapsed.TotalMilliseconds:0} " +
                $"targets={(met ? "met" : "missed")}"));
            return met ? 0 : 1;
        }
        finally
        {
            if (fake is not null)
            {
                await fake.DisposeAsync();
            }
        }
    }

    // Creates this run's products and partners (in bulk; not measured), and warms up the connection.
    private static async Task<(string[] Skus, string[] Emails, long ProductId, long PartnerId)> PrepareAsync(OdooClient odoo, string run)
    {
        var profile = await odoo.GetProfileAsync();
        await odoo.AuthenticateAsync();
        var skus = Enumerable.Range(0, Products).Select(i => $"BENCH-{run}-{i:000}").ToArray();
        var emails = Enumerable.Range(0, Partners).Select(i => $"bench.{run}.{i:000}@example.com").ToArray();
        await odoo.CreateAsync("product.template", skus.Select(sku =>
        {
            var values = profile.StorableProduct();
            values["name"] = $"Bench product {sku}";
            values["default_code"] = sku;
            values["list_price"] = 10.0;
            return values;
        }).ToList());
        var partnerIds = await odoo.CreateAsync("res.partner", emails.Select(email => new JsonObject { ["name"] = email, ["email"] = email }).ToList());
        var productId = (await odoo.SearchAsync("product.product", OdooDomain.Where("default_code", "=", skus[0]), 1))[0];
        return (skus, emails, productId, partnerIds[0]);
    }

    private static async Task<(int RoundTrips, TimeSpan Elapsed)> MeasureAsync(RoundTripCounter counter, Func<Task> step)
    {
        var before = counter.Count;
        var watch = Stopwatch.StartNew();
        await step();
        return (counter.Count - before, watch.Elapsed);
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
