using System.Globalization;
using Portal.Fakes.Odoo;
using Portal.Fakes.Shopify;
using Portal.Fakes.WooCommerce;

namespace Portal.Fakes.Sandbox;

/// <summary>
/// A fake Odoo, a fake Shopify shop and a fake WooCommerce site on 127.0.0.1 with matching sample data, and a
/// small control server that places orders in the stores and announces them to the portal as the platforms do.
/// The demo sandbox (<c>dotnet run --project tests/Sandbox</c>) and the browser walk through the portal both
/// start it, so what the README tells a new user is what the test drives. Everything lives in memory.
/// </summary>
public sealed class DemoSandbox : IAsyncDisposable
{
    /// <summary>The Odoo release the fake answers as.</summary>
    public const int OdooMajor = 17;

    private LoopbackServer? control;

    private DemoSandbox(FakeOdooServer odoo, FakeShopifyServer shopify, FakeWooCommerceServer wooCommerce)
    {
        Odoo = odoo;
        Shopify = shopify;
        WooCommerce = wooCommerce;
    }

    public FakeOdooServer Odoo { get; }

    public FakeShopifyServer Shopify { get; }

    public FakeWooCommerceServer WooCommerce { get; }

    /// <summary>The control server: <c>POST /shopify/orders</c>, <c>POST /woocommerce/orders</c> (see <see cref="SandboxControl"/>).</summary>
    public Uri ControlUrl => control!.Url;

    public static async Task<DemoSandbox> StartAsync(SandboxPorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var shopify = await FakeShopifyServer.StartAsync(port: ports.Shopify);
        shopify.ShopName = "Sandbox Outfitters";
        shopify.Currency = "USD";
        SandboxCatalogue.Stock(shopify);

        var wooCommerce = await FakeWooCommerceServer.StartAsync(port: ports.WooCommerce);
        wooCommerce.SiteName = "Sandbox Outfitters Wholesale";
        wooCommerce.Currency = "USD";
        SandboxCatalogue.Stock(wooCommerce.Shop);

        SandboxOrders.History(shopify, wooCommerce);
        var sandbox = new DemoSandbox(await FakeOdooServer.StartAsync(OdooMajor, port: ports.Odoo), shopify, wooCommerce);
        sandbox.control = await LoopbackServer.StartAsync(app => SandboxControl.Map(app, sandbox), ports.Control);
        return sandbox;
    }

    /// <summary>
    /// Places <see cref="SandboxOrders.Basket"/> in the shop and delivers its signed orders/create webhook to every
    /// address the portal registered for it (signed with the app's secret, which the portal was given).
    /// </summary>
    public async Task<SandboxPlacedOrder> PlaceShopifyOrderAsync(bool unmappedTax = false)
    {
        var id = Shopify.AddOrder(SandboxOrders.Basket(SandboxOrders.ShopifyGateway, unmappedTax));
        var subscriptions = Shopify.WebhookSubscriptions.Where(s => s.Topic == "ORDERS_CREATE").ToList();
        foreach (var subscription in subscriptions)
        {
            using var response = await Shopify.SendOrderWebhookAsync(subscription.Uri, "orders/create", id, Shopify.ClientSecret);
            response.EnsureSuccessStatusCode();
        }

        return new SandboxPlacedOrder("Shopify", id.ToString(CultureInfo.InvariantCulture), Shopify.PlacedOrder(id).Name, subscriptions.Count > 0);
    }

    /// <summary>Places <see cref="SandboxOrders.Basket"/> in the site and delivers order.created to the webhooks the portal registered there.</summary>
    public async Task<SandboxPlacedOrder> PlaceWooCommerceOrderAsync(bool unmappedTax = false)
    {
        var id = WooCommerce.Shop.AddOrder(SandboxOrders.Basket(SandboxOrders.WooCommerceGateway, unmappedTax));
        var announced = WooCommerce.Shop.Webhooks.Any(w => w is { Topic: "order.created", Status: "active" });
        if (announced)
        {
            await WooCommerce.SendOrderWebhookAsync(id, "order.created");
        }

        var number = WooCommerce.Shop.Order(id)!["number"]!.ToString();
        return new SandboxPlacedOrder("WooCommerce", id.ToString(CultureInfo.InvariantCulture), $"#{number}", announced);
    }

    public async ValueTask DisposeAsync()
    {
        if (control is not null)
        {
            await control.DisposeAsync();
        }

        await WooCommerce.DisposeAsync();
        await Shopify.DisposeAsync();
        await Odoo.DisposeAsync();
    }
}
