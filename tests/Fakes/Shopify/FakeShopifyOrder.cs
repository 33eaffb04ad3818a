using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Fakes.Shopify;

/// <summary>
/// An order as the fake stores it: the Admin GraphQL Order object with the fields the connector reads, amounts as
/// strings in MoneyBags, connections kept as plain lists that the fake pages.
/// </summary>
public static class FakeShopifyOrder
{
    /// <summary>
    /// A paid order of <paramref name="lines"/> lines at 10.00 (each with 20 % VAT, prices excluding tax) and 5.00
    /// shipping: 10 × lines + 2 × lines tax + 5 + 1 shipping tax.
    /// </summary>
    public static JsonObject Create(long id, DateTimeOffset updatedAt, int lines = 1, string currency = "EUR")
    {
        var number = 1000 + id % 100000;
        var lineTotal = 10m * lines;
        var tax = (2m * lines) + 1m;
        return new JsonObject
        {
            ["__typename"] = "Order",
            ["id"] = $"gid://shopify/Order/{id}",
            ["name"] = $"#{number}",
            ["number"] = number,
            ["createdAt"] = Time(updatedAt.AddMinutes(-5)),
            ["updatedAt"] = Time(updatedAt),
            ["currencyCode"] = currency,
            ["taxesIncluded"] = false,
            ["displayFinancialStatus"] = "PAID",
            ["displayFulfillmentStatus"] = "UNFULFILLED",
            ["email"] = "buyer@example.com",
            ["phone"] = null,
            ["cancelledAt"] = null,
            ["cancelReason"] = null,
            ["paymentGatewayNames"] = new JsonArray("bogus"),
            ["customer"] = null,
            ["billingAddress"] = Address(),
            ["shippingAddress"] = Address(),
            ["totalDiscountsSet"] = Money(0m, currency),
            ["totalTaxSet"] = Money(tax, currency),
            ["totalTipReceivedSet"] = Money(0m, currency),
            ["originalTotalDutiesSet"] = null,
            ["originalTotalAdditionalFeesSet"] = null,
            ["totalPriceSet"] = Money(lineTotal + 5m + tax, currency),
            ["taxLines"] = new JsonArray(TaxLine(tax, currency)),
            ["discountApplications"] = new JsonArray(),
            ["lineItems"] = new JsonArray(Enumerable.Range(1, lines).Select(line => (JsonNode)Line((id * 1000) + line, currency)).ToArray()),
            ["shippingLines"] = new JsonArray(new JsonObject
            {
                ["__typename"] = "ShippingLine",
                ["id"] = $"gid://shopify/ShippingLine/{id}",
                ["title"] = "Standard",
                ["code"] = "standard",
                ["originalPriceSet"] = Money(5m, currency),
                ["taxLines"] = new JsonArray(TaxLine(1m, currency)),
                ["discountAllocations"] = new JsonArray(),
            }),
            ["transactions"] = new JsonArray(new JsonObject
            {
                ["__typename"] = "OrderTransaction",
                ["id"] = $"gid://shopify/OrderTransaction/{id}",
                ["gateway"] = "bogus",
                ["kind"] = "SALE",
                ["status"] = "SUCCESS",
                ["processedAt"] = Time(updatedAt.AddMinutes(-5)),
                ["createdAt"] = Time(updatedAt.AddMinutes(-5)),
                ["amountSet"] = Money(lineTotal + 5m + tax, currency),
            }),
            ["refunds"] = new JsonArray(),
            ["fulfillments"] = new JsonArray(),
        };
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Money(decimal amount, string currency) => new()
    {
        ["__typename"] = "MoneyBag",
        ["shopMoney"] = new JsonObject { ["__typename"] = "MoneyV2", ["amount"] = amount.ToString("0.0#", CultureInfo.InvariantCulture), ["currencyCode"] = currency },
        ["presentmentMoney"] = new JsonObject { ["__typename"] = "MoneyV2", ["amount"] = amount.ToString("0.0#", CultureInfo.InvariantCulture), ["currencyCode"] = currency },
    };

    private static JsonObject Line(long id, string currency) => new()
    {
        ["__typename"] = "LineItem",
        ["id"] = $"gid://shopify/LineItem/{id}",
        ["name"] = $"Widget {id}",
        ["sku"] = $"W-{id}",
        ["quantity"] = 1,
        ["requiresShipping"] = true,
        ["unfulfilledQuantity"] = 1,
        ["variant"] = new JsonObject { ["__typename"] = "ProductVariant", ["id"] = $"gid://shopify/ProductVariant/{id}" },
        ["product"] = new JsonObject { ["__typename"] = "Product", ["id"] = $"gid://shopify/Product/{id}" },
        ["originalUnitPriceSet"] = Money(10m, currency),
        ["originalTotalSet"] = Money(10m, currency),
        ["taxLines"] = new JsonArray(TaxLine(2m, currency)),
        ["discountAllocations"] = new JsonArray(),
        ["duties"] = new JsonArray(),
    };

    private static JsonObject TaxLine(decimal amount, string currency) => new()
    {
        ["__typename"] = "TaxLine",
        ["title"] = "VAT",
        ["rate"] = 0.2,
        ["priceSet"] = Money(amount, currency),
    };

    private static JsonObject Address() => new()
    {
        ["__typename"] = "MailingAddress",
        ["name"] = "Ada Lovelace",
        ["firstName"] = "Ada",
        ["lastName"] = "Lovelace",
        ["company"] = null,
        ["address1"] = "1 Analytical Way",
        ["address2"] = null,
        ["city"] = "London",
        ["provinceCode"] = null,
        ["zip"] = "N1 1AA",
        ["countryCodeV2"] = "GB",
        ["phone"] = null,
    };
}
