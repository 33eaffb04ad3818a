using Portal.Sync.Commerce;
using Portal.Sync.Shopify;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.Commerce;

/// <summary>Bad bodies fail with a <see cref="CommercePayloadException"/> that names the resource and what is wrong.</summary>
public class CommercePayloadErrorTests
{
    private static readonly Dictionary<string, (Func<string> Sample, Func<string, object> Parse)> Parsers = new()
    {
        ["Shopify order"] = (() => ShopifyWebhook("shopify/webhooks/orders_create.2026-04.docs-sample.json"), json => ShopifyPayloads.ParseOrder(json)),
        ["Shopify refund"] = (() => ShopifyWebhook("shopify/webhooks/refunds_create.2026-04.docs-sample.json"), json => ShopifyPayloads.ParseRefund(json)),
        ["Shopify customer"] = (() => ShopifyWebhook("shopify/webhooks/customers_create.2026-04.docs-sample.json"), json => ShopifyPayloads.ParseCustomer(json)),
        ["Shopify product"] = (() => ShopifyWebhook("shopify/webhooks/products_update.2026-04.docs-sample.json"), json => ShopifyPayloads.ParseProduct(json)),
        ["Shopify inventory level"] = (() => ShopifyWebhook("shopify/webhooks/inventory_levels_update.2024-04.docs-sample.json"), json => ShopifyPayloads.ParseInventoryLevel(json)),
        ["Shopify fulfillment"] = (() => ShopifyWebhook("shopify/webhooks/fulfillments_create.2026-04.docs-sample.json"), json => ShopifyPayloads.ParseFulfilment(json)),
        ["WooCommerce order"] = (() => RealFixture.Text("woocommerce/order.wc-v3-docs-example.json"), json => WooCommercePayloads.ParseOrder(json)),
        ["WooCommerce order batch"] = (() => RealFixture.Text("woocommerce/orders_batch_response.wc-v3-docs-example.json"), json => WooCommercePayloads.ParseOrderBatch(json)),
        ["WooCommerce order refund"] = (() => RealFixture.Text("woocommerce/order_refund.wc-v3-docs-example.json"), json => WooCommercePayloads.ParseRefund(json, "723")),
        ["WooCommerce customer"] = (() => RealFixture.Text("woocommerce/customer.wc-v3-docs-example.json"), json => WooCommercePayloads.ParseCustomer(json)),
        ["WooCommerce product"] = (() => RealFixture.Text("woocommerce/product.wc-v3-docs-example.json"), json => WooCommercePayloads.ParseProduct(json)),
        ["WooCommerce product variation"] = (() => RealFixture.Text("woocommerce/product_variation.wc-v3-docs-example.json"), json => WooCommercePayloads.ParseVariation(json, "22")),
        ["WooCommerce stock"] = (() => RealFixture.Text("woocommerce/product_variation.wc-v3-docs-example.json"), json => WooCommercePayloads.ParseStockLevel(json)),
    };

    public static TheoryData<string> Resources => [.. Parsers.Keys];

    /// <summary>Every resource but a batch answer, which may list nothing at all.</summary>
    public static TheoryData<string> ResourcesWithRequiredFields => [.. Parsers.Keys.Where(resource => resource != "WooCommerce order batch")];

    private static string Sample(string resource) => Parsers[resource].Sample();

    private static string ShopifyWebhook(string path) => RealFixture.Property(path, "response");

    [Theory]
    [MemberData(nameof(Resources))]
    public void A_truncated_body_is_not_valid_JSON(string resource)
    {
        var sample = Sample(resource);

        var error = Assert.Throws<CommercePayloadException>(() => Parsers[resource].Parse(sample[..(sample.Length / 2)]));

        Assert.Equal(resource, error.Resource);
        Assert.StartsWith($"{resource} payload: not valid JSON (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void A_list_instead_of_an_object_is_refused(string resource)
    {
        var sample = Sample(resource);

        var error = Assert.Throws<CommercePayloadException>(() => Parsers[resource].Parse($"[{sample}]"));

        Assert.Equal($"{resource} payload: the body should be a JSON object, not a list", error.Message);
    }

    [Theory]
    [MemberData(nameof(ResourcesWithRequiredFields))]
    public void An_empty_object_names_the_first_missing_field(string resource)
    {
        var error = Assert.Throws<CommercePayloadException>(() => Parsers[resource].Parse("{}"));

        Assert.Matches($"^{resource} payload: [a-z_]+ is missing$", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("\"an order\"")]
    public void Nothing_like_an_object_is_refused(string body)
    {
        var error = Assert.Throws<CommercePayloadException>(() => ShopifyPayloads.ParseOrder(body));

        Assert.StartsWith("Shopify order payload: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line_items", "{}", "line_items should be a list, not an object")]
    [InlineData("customer", "\"guest\"", "customer should be a JSON object, not text")]
    [InlineData("taxes_included", "\"no\"", "taxes_included is not true or false: \"no\"")]
    [InlineData("created_at", "\"yesterday\"", "created_at is not a date and time: \"yesterday\"")]
    [InlineData("id", "1.5", "id is not an id: 1.5")]
    [InlineData("payment_gateway_names", "[null]", "payment_gateway_names[0] should be text, not null")]
    public void A_field_of_the_wrong_kind_is_named_with_what_it_holds(string field, string value, string problem)
    {
        var json = RealFixture.Edited(Sample("Shopify order"), order =>
        {
            order.Remove("admin_graphql_api_id");
            order[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        });

        var error = Assert.Throws<CommercePayloadException>(() => ShopifyPayloads.ParseOrder(json));

        Assert.Equal($"Shopify order payload: {problem}", error.Message);
    }

    [Fact]
    public void A_nested_field_is_named_by_its_path()
    {
        var json = RealFixture.Edited(Sample("Shopify order"), order => order["line_items"]![3]!["quantity"] = "one");

        var error = Assert.Throws<CommercePayloadException>(() => ShopifyPayloads.ParseOrder(json));

        Assert.Equal("Shopify order payload: line_items[3].quantity is not a whole number: \"one\"", error.Message);
    }
}
