using Portal.Sync.Commerce;
using Portal.Sync.WooCommerce;

namespace Portal.Sync.Tests.Commerce;

/// <summary>Refunds, customers, products, variations and stock from WooCommerce's v3 samples.</summary>
public class WooCommercePayloadTests
{
    private const string RefundSample = "woocommerce/order_refund.wc-v3-docs-example.json";
    private const string ProductSample = "woocommerce/product.wc-v3-docs-example.json";
    private const string VariationSample = "woocommerce/product_variation.wc-v3-docs-example.json";

    [Fact]
    public void The_refund_reads_its_amount_for_the_order_it_was_fetched_under()
    {
        // Its links name order 723, whose summary in the batch sample lists this refund 726 at -10.00.
        var refund = WooCommercePayloads.ParseRefund(RealFixture.Text(RefundSample), "723");

        Assert.Equal(("726", "723", 10.00m, null), (refund.Id, refund.OrderId, refund.Amount, refund.Note));
        Assert.Equal(new DateTimeOffset(2017, 3, 21, 20, 7, 11, TimeSpan.Zero), refund.CreatedAt);
        Assert.Empty(refund.Lines);
        Assert.Empty(refund.Transactions);
        Assert.Equal(0m, refund.Shipping);
        Assert.Null(refund.Restock);
    }

    [Fact]
    public void Refund_lines_read_positive_amounts_and_the_refunded_order_line()
    {
        // A refund line as the v3 docs describe it, negative as WooCommerce stores refunds, naming the order line
        // it refunds in its _refunded_item_id meta.
        var json = RealFixture.Edited(RealFixture.Text(RefundSample), refund =>
            refund["line_items"] = System.Text.Json.Nodes.JsonNode.Parse("""
                [{"id": 730, "name": "Woo Album #2", "product_id": 87, "variation_id": 0, "quantity": -1, "tax_class": 0,
                  "subtotal": "-9.00", "subtotal_tax": "0.00", "total": "-9.00", "total_tax": "0.00", "taxes": [],
                  "meta_data": [{"id": 6001, "key": "_refunded_item_id", "value": "311"}], "sku": "", "price": -9}]
                """));

        var line = Assert.Single(WooCommercePayloads.ParseRefund(json, "723").Lines);

        Assert.Equal(("311", 1, 9.00m, 0m, null), (line.LineId, line.Quantity, line.Subtotal, line.Tax, line.Restock));
    }

    [Fact]
    public void The_customer_reads_names_email_and_billing_phone_and_address()
    {
        var customer = WooCommercePayloads.ParseCustomer(RealFixture.Text("woocommerce/customer.wc-v3-docs-example.json"));

        Assert.Equal(
            new CommerceCustomer("25", "john.doe@example.com", "John", "Doe", "(555) 555-5555", null,
                new CommerceAddress("John Doe", "John", "Doe", null, "969 Market", null, "San Francisco", "CA", "94103", "US", "(555) 555-5555")),
            customer);
    }

    [Fact]
    public void A_simple_product_is_its_own_one_variant()
    {
        var product = WooCommercePayloads.ParseProduct(RealFixture.Text(ProductSample));

        Assert.Equal(("794", "Premium Quality"), (product.Id, product.Title));
        Assert.Equal(new StoreCode<CommerceProductStatus>(CommerceProductStatus.Active, "publish"), product.Status);
        Assert.Equal(new DateTimeOffset(2017, 3, 23, 20, 1, 14, TimeSpan.Zero), product.UpdatedAt);
        var variant = Assert.Single(product.Variants);
        Assert.Equal(("794", "794", "Premium Quality", 21.99m, "794"), (variant.Id, variant.ProductId, variant.Title, variant.Price, variant.InventoryItemId));

        // sku and weight are "", and the weight unit is a site setting.
        Assert.Equal((null, null, null, null, 0), (variant.Sku, variant.Barcode, variant.Weight, variant.WeightUnit, variant.Options.Count));
    }

    [Fact]
    public void A_variable_product_lists_no_variants_of_its_own()
    {
        var product = WooCommercePayloads.ParseProduct(RealFixture.Edited(RealFixture.Text(ProductSample), product => product["type"] = "variable"));

        Assert.Empty(product.Variants);
    }

    [Fact]
    public void A_variation_is_titled_and_optioned_by_its_attributes()
    {
        // Its links name product 22.
        var variant = WooCommercePayloads.ParseVariation(RealFixture.Text(VariationSample), "22");

        Assert.Equal(("732", "22", "Black", 9.00m, null, "732"), (variant.Id, variant.ProductId, variant.Title, variant.Price, variant.Sku, variant.InventoryItemId));
        Assert.Equal(new CommerceVariantOption("Color", "Black"), Assert.Single(variant.Options));
    }

    [Fact]
    public void Stock_is_at_the_one_site_location_and_unknown_unless_managed()
    {
        var product = WooCommercePayloads.ParseStockLevel(RealFixture.Text(ProductSample));
        var variation = WooCommercePayloads.ParseStockLevel(RealFixture.Text(VariationSample));

        Assert.Equal(new CommerceInventoryLevel("794", "default", null, new DateTimeOffset(2017, 3, 23, 20, 1, 14, TimeSpan.Zero)), product);
        Assert.Equal(new CommerceInventoryLevel("732", "default", null, new DateTimeOffset(2017, 3, 23, 3, 36, 38, TimeSpan.Zero)), variation);
        Assert.Equal(WooCommercePayloads.Location.Id, product.LocationId);
    }

    [Fact]
    public void Managed_stock_gives_its_quantity()
    {
        var json = RealFixture.Edited(RealFixture.Text(VariationSample), variation =>
        {
            variation["manage_stock"] = true;
            variation["stock_quantity"] = 14;
        });

        Assert.Equal(14, WooCommercePayloads.ParseStockLevel(json).Available);
    }
}
