using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace Portal.Fakes.Shopify;

/// <summary>The shop's products and their variants, as the productVariants and productVariantsCount queries read them.</summary>
public sealed partial class FakeShopifyServer
{
    private readonly Lock productsGate = new();
    private readonly SortedDictionary<long, JsonObject> products = [];

    /// <summary>Adds an ACTIVE product with the given variants; returns its id.</summary>
    public long AddProduct(string title, params FakeShopifyVariantSpec[] variants)
    {
        lock (productsGate)
        {
            var id = NextResourceId();
            products[id] = new JsonObject
            {
                ["__typename"] = "Product",
                ["id"] = $"gid://shopify/Product/{id}",
                ["legacyResourceId"] = id.ToString(CultureInfo.InvariantCulture),
                ["title"] = title,
                ["status"] = "ACTIVE",
                ["variants"] = new JsonArray(variants.Select(v => (JsonNode)NewVariant(v)).ToArray()),
            };
            return id;
        }
    }

    /// <summary>The ids of the product's variants, in their order.</summary>
    public IReadOnlyList<long> VariantIds(long productId)
    {
        lock (productsGate)
        {
            return products[productId]["variants"]!.AsArray().Select(v => long.Parse(v!["legacyResourceId"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        }
    }

    private JsonObject NewVariant(FakeShopifyVariantSpec spec)
    {
        var id = NextResourceId();
        return new JsonObject
        {
            ["__typename"] = "ProductVariant",
            ["id"] = $"gid://shopify/ProductVariant/{id}",
            ["legacyResourceId"] = id.ToString(CultureInfo.InvariantCulture),
            ["title"] = spec.Title,
            ["sku"] = spec.Sku ?? "",
            ["barcode"] = spec.Barcode,
            ["price"] = spec.Price.ToString("0.00", CultureInfo.InvariantCulture),
            ["inventoryItem"] = new JsonObject { ["__typename"] = "InventoryItem", ["id"] = $"gid://shopify/InventoryItem/{NextResourceId()}" },
        };
    }

    /// <summary>Every variant with its product, ordered by id as sortKey ID asks.</summary>
    private JsonArray AllVariants()
    {
        lock (productsGate)
        {
            return new JsonArray(products.Values
                .SelectMany(product => product["variants"]!.AsArray().OfType<JsonObject>().Select(variant =>
                {
                    var copy = (JsonObject)variant.DeepClone();
                    copy["product"] = new JsonObject { ["__typename"] = "Product", ["id"] = product["id"]!.DeepClone(), ["title"] = product["title"]!.DeepClone(), ["status"] = product["status"]!.DeepClone() };
                    return copy;
                }))
                .OrderBy(variant => long.Parse(variant["legacyResourceId"]!.GetValue<string>(), CultureInfo.InvariantCulture))
                .Select(variant => (JsonNode)variant)
                .ToArray());
        }
    }

    private JsonNode? ProductVariantsCount(FakeShopifyRequest request, GraphQLField field) =>
        request.Project(new JsonObject { ["count"] = AllVariants().Count, ["precision"] = "EXACT" }, field.SelectionSet!);
}
