using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>A store product as the fake store holds it, read the same way on both platforms.</summary>
internal sealed record StoreProductView(string Title, bool Draft, string Description, string Tags, string Seo, IReadOnlyList<StoreVariantView> Variants)
{
    public static int Count(FlowTestBed bed, bool shopify) => shopify ? bed.Shopify.Products.Count : bed.WooCommerce.Shop.Products.Count;

    public static StoreProductView Read(FlowTestBed bed, bool shopify, string productId)
    {
        var id = long.Parse(productId, CultureInfo.InvariantCulture);
        if (shopify)
        {
            var product = bed.Shopify.Product(id);
            return new StoreProductView(
                product["title"]!.GetValue<string>(),
                product["status"]!.GetValue<string>() == "DRAFT",
                product["descriptionHtml"]?.GetValue<string>() ?? "",
                product["tags"]!.ToJsonString(),
                product["seo"]!.ToJsonString(),
                [.. product["variants"]!.AsArray().Select(v => new StoreVariantView(
                    v!["legacyResourceId"]!.GetValue<string>(),
                    v["sku"]?.GetValue<string>(),
                    v["barcode"]?.GetValue<string>(),
                    decimal.Parse(v["price"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                    string.Join("/", v["selectedOptions"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()))))]);
        }

        var shop = bed.WooCommerce.Shop;
        var body = shop.Product(id)!;
        var variable = body["type"]!.GetValue<string>() == "variable";
        IEnumerable<JsonObject> variants = variable ? shop.ListVariations(id).OrderBy(v => v["id"]!.GetValue<long>()) : [body];
        return new StoreProductView(
            body["name"]!.GetValue<string>(),
            body["status"]!.GetValue<string>() == "draft",
            body["description"]?.GetValue<string>() ?? "",
            body["tags"]!.ToJsonString(),
            body["meta_data"]!.ToJsonString(),
            [.. variants.Select(v => new StoreVariantView(
                v["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture),
                v["sku"]?.GetValue<string>(),
                v["global_unique_id"]?.GetValue<string>(),
                decimal.Parse(v["regular_price"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                variable ? string.Join("/", v["attributes"]!.AsArray().Select(a => a!["option"]!.GetValue<string>())) : "Default Title"))]);
    }
}

internal sealed record StoreVariantView(string Id, string? Sku, string? Barcode, decimal Price, string Options);
