using Portal.Fakes.Orders;
using Portal.Fakes.Shopify;
using Portal.Fakes.WooCommerce;

namespace Portal.Fakes.Sandbox;

/// <summary>
/// The orders the sandbox places: a customer buying two goods of the catalogue with the store's sales tax, paid
/// through the platform's usual gateway; or, to show a failure, the same basket under a tax nobody mapped.
/// </summary>
public static class SandboxOrders
{
    /// <summary>The tax every ordinary order carries; mapped to Odoo's "Tax 5%".</summary>
    public static readonly FakeTaxSpec SalesTax = new("Sales Tax", 0.05m);

    /// <summary>A tax the setup never maps: an order carrying it parks until someone maps it.</summary>
    public static readonly FakeTaxSpec UnmappedTax = new("GST", 0.05m);

    /// <summary>The Odoo sale tax <see cref="SalesTax"/> is mapped to.</summary>
    public const string SalesTaxInOdoo = "Tax 5%";

    public const string ShopifyGateway = "shopify_payments";

    public const string WooCommerceGateway = "paypal";

    /// <summary>How many orders each store had before the sandbox started, for the mapping wizards to learn from.</summary>
    public const int PastOrders = 3;

    /// <summary>
    /// Gives each store <see cref="PastOrders"/> ordinary orders placed two days ago: older than the portal's first poll
    /// looks back, so they are not imported unless someone asks for the recent orders.
    /// </summary>
    public static void History(FakeShopifyServer shopify, FakeWooCommerceServer wooCommerce)
    {
        ArgumentNullException.ThrowIfNull(shopify);
        ArgumentNullException.ThrowIfNull(wooCommerce);
        var placedAt = TimeProvider.System.GetUtcNow().AddDays(-2);
        for (var i = 0; i < PastOrders; i++)
        {
            shopify.AddOrder(Basket(ShopifyGateway, unmappedTax: false), placedAt.AddMinutes(i));
            wooCommerce.Shop.AddOrder(Basket(WooCommerceGateway, unmappedTax: false), placedAt.AddMinutes(i));
        }
    }

    public static FakeOrderSpec Basket(string gateway, bool unmappedTax)
    {
        var tax = unmappedTax ? UnmappedTax : SalesTax;
        return new FakeOrderSpec
        {
            Gateway = gateway,
            Lines =
            [
                new FakeOrderLineSpec("MUG-001", "Coffee Mug", 2, 12.50m, [tax]),
                new FakeOrderLineSpec("SOCKS-3PK", "Wool Socks (3 pairs)", 1, 9.99m, [tax]),
            ],
        };
    }
}
