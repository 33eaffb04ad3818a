using System.Text.Json.Nodes;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>A Shopify shop as <see cref="IStoreCatalogue"/>, through the Admin GraphQL API.</summary>
internal sealed class ShopifyCatalogue(ShopifyGraphQlClient graphQl) : IStoreCatalogue
{
    public const int VariantsPageSize = 100;

    /// <summary>What Shopify calls the only variant of a product without options.</summary>
    private const string DefaultVariantTitle = "Default Title";

    private ShopifyGraphQlClient GraphQl { get; } = graphQl;

    public async Task<StoreVariantPage> VariantsAsync(string? pageCursor, CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.ProductVariants, new JsonObject { ["first"] = VariantsPageSize, ["after"] = pageCursor }, cancellationToken);
        var page = ShopifyConnection.Read(data["productVariants"], "productVariants");
        var total = data["productVariantsCount"]?["count"]?.GetValue<int>();
        return new StoreVariantPage(page.Nodes.Select(Variant).ToList(), page.NextCursor, total);
    }

    private StoreVariant Variant(JsonObject node)
    {
        var product = node["product"] as JsonObject ?? throw ShopifyErrors.NotUnderstood(GraphQl.Shop, "ProductVariants", "a variant without its product");
        var productTitle = Text(product, "title") ?? "";
        var variantTitle = Text(node, "title");
        return new StoreVariant(
            Id(product["id"], "Product"),
            Id(node["id"], "ProductVariant"),
            node["inventoryItem"]?["id"] is { } item ? Id(item, "InventoryItem") : null,
            variantTitle is null or DefaultVariantTitle ? productTitle : $"{productTitle} – {variantTitle}",
            Text(node, "sku"),
            Text(node, "barcode"));
    }

    private string Id(JsonNode? gid, string type) =>
        ShopifyGid.Parse(gid?.GetValue<string>()) is { } parsed && parsed.Type == type
            ? parsed.Id
            : throw ShopifyErrors.NotUnderstood(GraphQl.Shop, "ProductVariants", $"a {type} id \"{gid}\"");

    private static string? Text(JsonObject node, string name) => node[name]?.GetValue<string>() is { Length: > 0 } text ? text : null;
}
