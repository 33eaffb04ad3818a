using Portal.Sync.Commerce;
using Portal.Sync.Shopify;

namespace Portal.Sync.Tests.Commerce;

/// <summary>Products, customers, inventory levels and fulfilments from Shopify's webhook and REST samples.</summary>
public class ShopifyCatalogPayloadTests
{
    [Fact]
    public void The_products_update_sample_gives_exact_product_and_variant_ids()
    {
        var product = ShopifyPayloads.ParseProduct(RealFixture.Property("shopify/webhooks/products_update.2026-04.docs-sample.json", "response"));

        // "id" says 788032119674292900 and the variants 642667041472714000 / 757650484644203900: rounded.
        Assert.Equal("788032119674292922", product.Id);
        Assert.Equal(["642667041472713922", "757650484644203962"], product.Variants.Select(variant => variant.Id));
        Assert.All(product.Variants, variant => Assert.Equal(product.Id, variant.ProductId));
        Assert.Equal("Example T-Shirt", product.Title);
        Assert.Equal(new StoreCode<CommerceProductStatus>(CommerceProductStatus.Active, "active"), product.Status);
        Assert.Equal(new DateTimeOffset(2021, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5)), product.UpdatedAt);
    }

    [Fact]
    public void The_products_update_sample_variants_have_prices_and_option_values_without_option_names()
    {
        var product = ShopifyPayloads.ParseProduct(RealFixture.Property("shopify/webhooks/products_update.2026-04.docs-sample.json", "response"));

        Assert.Equal(["Small", "Medium"], product.Variants.Select(variant => variant.Title));
        Assert.All(product.Variants, variant => Assert.Equal((19.99m, null, null, null, null, null), (variant.Price, variant.Sku, variant.Barcode, variant.Weight, variant.WeightUnit, variant.InventoryItemId)));

        // The sample's options list is empty, so the values have no names.
        Assert.Equal(new CommerceVariantOption(null, "Small"), Assert.Single(product.Variants[0].Options));
    }

    [Fact]
    public void Option_names_weights_and_inventory_items_are_read_where_the_product_has_them()
    {
        // Options, weight and weight_unit as Shopify's 2023-07 products/update sample has them.
        var json = RealFixture.Edited(RealFixture.Property("shopify/webhooks/products_update.2026-04.docs-sample.json", "response"), product =>
        {
            product["options"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"name": "Size", "position": 1, "values": ["Small", "Medium"]}]""");
            product["variants"]![0]!["weight"] = 200;
            product["variants"]![0]!["weight_unit"] = "g";
            product["variants"]![0]!["inventory_item_id"] = 39072856;
        });

        var variant = ShopifyPayloads.ParseProduct(json).Variants[0];

        Assert.Equal(new CommerceVariantOption("Size", "Small"), Assert.Single(variant.Options));
        Assert.Equal((200m, "g", "39072856"), (variant.Weight, variant.WeightUnit, variant.InventoryItemId));
    }

    [Fact]
    public void The_customers_create_sample_reads_the_customer_and_default_address()
    {
        var customer = ShopifyPayloads.ParseCustomer(RealFixture.Property("shopify/webhooks/customers_create.2026-04.docs-sample.json", "response"));

        Assert.Equal(new CommerceCustomer(
            "706405506930370084",
            "bob@biller.com",
            "Bob",
            "Biller",
            null,
            null,
            new CommerceAddress("Bob Biller", "Bob", "Biller", null, "151 O'Connor Street", null, "Ottawa", "ON", "K2P 2L8", "CA", "555-555-5555")), customer);
    }

    [Fact]
    public void The_inventory_levels_update_sample_takes_the_exact_item_id_from_the_level_gid()
    {
        var level = ShopifyPayloads.ParseInventoryLevel(RealFixture.Property("shopify/webhooks/inventory_levels_update.2024-04.docs-sample.json", "response"));

        // inventory_item_id says 271878346596884000; the gid's query says …015.
        Assert.Equal(
            new CommerceInventoryLevel("271878346596884015", "24826418", null, new DateTimeOffset(2021, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5))),
            level);
    }

    [Fact]
    public void The_python_api_inventory_levels_read_one_level_per_item_and_location()
    {
        var levels = RealFixture.Items("shopify/rest/inventory_levels.shopify_python_api.json", "inventory_levels")
            .Select(ShopifyPayloads.ParseInventoryLevel)
            .ToList();

        Assert.Equal(
            [("39072856", "487838322", 27), ("808950810", "905684977", 1), ("808950810", "487838322", 9), ("39072856", "905684977", 3)],
            levels.Select(level => (level.InventoryItemId, level.LocationId, level.Available ?? -1)));
        Assert.All(levels, level => Assert.Equal(new DateTimeOffset(2018, 5, 7, 15, 33, 38, TimeSpan.FromHours(-4)), level.UpdatedAt));
    }

    [Fact]
    public void The_fulfillments_create_sample_reads_lines_by_exact_gid_and_the_tracking()
    {
        var fulfilment = ShopifyPayloads.ParseFulfilment(RealFixture.Property("shopify/webhooks/fulfillments_create.2026-04.docs-sample.json", "response"));
        var order = ShopifyPayloads.ParseOrder(RealFixture.Property("shopify/webhooks/orders_create.2026-04.docs-sample.json", "response"));

        Assert.Equal("123456", fulfilment.Id);

        // Like the refund's, this order_id has no gid: the rounded 820982911946154500, not the order's …508.
        Assert.Equal("820982911946154500", fulfilment.OrderId);
        Assert.NotEqual(order.Id, fulfilment.OrderId);
        Assert.Equal(order.Lines.Select(line => new CommerceFulfilmentLine(line.Id, 1)), fulfilment.Lines);
        Assert.Equal(new StoreCode<CommerceFulfilmentState>(CommerceFulfilmentState.Pending, "pending"), fulfilment.Status);
        Assert.Equal("UPS", fulfilment.TrackingCompany);
        Assert.Equal(["1z827wk74630"], fulfilment.TrackingNumbers);
        Assert.Equal(["https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630"], fulfilment.TrackingUrls);
    }
}
