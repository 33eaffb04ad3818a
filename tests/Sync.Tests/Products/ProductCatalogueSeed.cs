using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Fakes.Shopify;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>Puts products into the bed's fake store, whichever its platform, and names their variants by store id.</summary>
internal static class ProductCatalogueSeed
{
    /// <summary>
    /// A product with one variant per (SKU, barcode): on WooCommerce a simple product when there is one, else a
    /// variable product with a variation each. Returns the variant ids in order.
    /// </summary>
    public static IReadOnlyList<string> AddProduct(FlowTestBed bed, bool shopify, string title, params (string? Sku, string? Barcode)[] variants)
    {
        if (shopify)
        {
            var product = bed.Shopify.AddProduct(title,
                [.. variants.Select((v, i) => new FakeShopifyVariantSpec(v.Sku, v.Barcode, variants.Length == 1 ? "Default Title" : $"Size {i + 1}"))]);
            return [.. bed.Shopify.VariantIds(product).Select(Text)];
        }

        var shop = bed.WooCommerce.Shop;
        if (variants is [var (sku, barcode)])
        {
            return [Text(shop.AddProduct(p => Describe(p, title, sku, barcode)))];
        }

        var parent = shop.AddProduct(p =>
        {
            Describe(p, title, null, null);
            p["type"] = "variable";
            p["attributes"] = new JsonArray(new JsonObject
            {
                ["id"] = 0, ["name"] = "Size", ["position"] = 0, ["visible"] = true, ["variation"] = true,
                ["options"] = new JsonArray([.. variants.Select((_, i) => (JsonNode)$"Size {i + 1}")]),
            });
        });
        return [.. variants.Select((v, i) => Text(shop.AddVariation(parent, variation =>
        {
            variation["sku"] = v.Sku ?? "";
            variation["global_unique_id"] = v.Barcode ?? "";
            variation["attributes"] = new JsonArray(new JsonObject { ["id"] = 0, ["name"] = "Size", ["option"] = $"Size {i + 1}" });
        })))];
    }

    private static void Describe(JsonObject product, string title, string? sku, string? barcode)
    {
        product["name"] = title;
        product["sku"] = sku ?? "";
        product["global_unique_id"] = barcode ?? "";
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
