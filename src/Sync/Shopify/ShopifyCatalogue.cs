using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Sync.Stores;

namespace Portal.Sync.Shopify;

/// <summary>A Shopify shop as <see cref="IStoreCatalogue"/>, through the Admin GraphQL API.</summary>
internal sealed class ShopifyCatalogue(ShopifyGraphQlClient graphQl) : IStoreCatalogue
{
    public const int VariantsPageSize = 100;

    /// <summary>What Shopify calls the only variant of a product without options.</summary>
    private const string DefaultVariantTitle = "Default Title";

    private const string DefaultOptionName = "Title";

    private const string FileDoesNotExist = "FILE_DOES_NOT_EXIST";

    private ShopifyGraphQlClient GraphQl { get; } = graphQl;

    public async Task<StoreVariantPage> VariantsAsync(string? pageCursor, CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.ProductVariants, new JsonObject { ["first"] = VariantsPageSize, ["after"] = pageCursor }, cancellationToken);
        var page = ShopifyConnection.Read(data["productVariants"], "productVariants");
        var total = data["productVariantsCount"]?["count"]?.GetValue<int>();
        return new StoreVariantPage(page.Nodes.Select(Variant).ToList(), page.NextCursor, total);
    }

    public async Task<StoreProduct?> ProductAsync(string productId, CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.Product, new JsonObject { ["id"] = ShopifyGid.Format("Product", productId) }, cancellationToken);
        if (data["product"] is not JsonObject product)
        {
            return null;
        }

        var options = (product["options"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(o => new StoreProductOption(Text(o, "name") ?? "", [.. (o["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "")]))
            .ToList();
        List<StoreProductOption> owned = options is [{ Name: DefaultOptionName, Values: [DefaultVariantTitle] }] ? [] : options;
        var variants = (product["variants"]?["nodes"] as JsonArray ?? []).OfType<JsonObject>().Select(v => new StoreProductVariant(
            Id(v["id"], "ProductVariant"),
            Text(v, "sku"),
            Text(v, "barcode"),
            decimal.Parse(Text(v, "price") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
            owned.Count == 0 ? [] : [.. (v["selectedOptions"] as JsonArray ?? []).Select(o => o?["value"]?.GetValue<string>() ?? "")])).ToList();
        return new StoreProduct(Id(product["id"], "Product"), Text(product, "title") ?? "", Text(product, "status") == "ACTIVE", owned, variants);
    }

    /// <summary>
    /// One productSet with the whole variant list (Shopify removes variants the list leaves out). A product without
    /// options gets Shopify's own "Title" option with its "Default Title" value.
    /// </summary>
    public async Task<StoreProductSaved> SaveProductAsync(StoreProductDraft product, string? storeProductId, CancellationToken cancellationToken)
    {
        var options = product.Options.Count > 0 ? product.Options : [new StoreProductOption(DefaultOptionName, [DefaultVariantTitle])];
        var input = new JsonObject
        {
            ["title"] = product.Title,
            ["status"] = product.Active ? "ACTIVE" : "DRAFT",
            ["productOptions"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Name,
                ["values"] = new JsonArray([.. o.Values.Select(v => (JsonNode)new JsonObject { ["name"] = v })]),
            })]),
            ["variants"] = new JsonArray([.. product.Variants.Select(v => (JsonNode)VariantInput(v, options))]),
        };
        if (storeProductId is not null)
        {
            input["id"] = ShopifyGid.Format("Product", storeProductId);
        }

        if (product.DescriptionHtml is not null)
        {
            input["descriptionHtml"] = product.DescriptionHtml;
        }

        var payload = await GraphQl.MutateAsync(ShopifyMutation.Create(ShopifyOperations.ProductSet, new JsonObject { ["input"] = input }), cancellationToken);
        var saved = payload["product"] as JsonObject ?? throw ShopifyErrors.NotUnderstood(GraphQl.Shop, "ProductSet", "no product");
        var byOptions = (saved["variants"]?["nodes"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(v => OptionKey((v["selectedOptions"] as JsonArray ?? []).Select(o => o?["value"]?.GetValue<string>() ?? "")), v => Id(v["id"], "ProductVariant"));
        return new StoreProductSaved(Id(saved["id"], "Product"), product.Variants
            .Where(v => byOptions.ContainsKey(OptionKey(Values(v, options))))
            .ToDictionary(v => v.OdooProductId, v => byOptions[OptionKey(Values(v, options))]));
    }

    public async Task<IReadOnlyList<StoreImage>> ImagesAsync(string productId, CancellationToken cancellationToken)
    {
        var data = await GraphQl.QueryAsync(ShopifyOperations.ProductImages, new JsonObject { ["id"] = ShopifyGid.Format("Product", productId) }, cancellationToken);
        return [.. (data["product"]?["media"]?["nodes"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => new StoreImage(Id(m["id"], "MediaImage"), m["image"]?["url"]?.GetValue<string>()))];
    }

    /// <summary>
    /// The new media first, so the product is never without its image; then our previous one is deleted. A previous
    /// image the merchant deleted already is no error.
    /// </summary>
    public async Task<string> ReplaceImageAsync(string productId, string? previousImageId, Uri source, string alt, CancellationToken cancellationToken)
    {
        var payload = await GraphQl.MutateAsync(ShopifyMutation.Create(ShopifyOperations.ProductMediaAdd, new JsonObject
        {
            ["product"] = new JsonObject { ["id"] = ShopifyGid.Format("Product", productId) },
            ["media"] = new JsonArray(new JsonObject { ["originalSource"] = source.AbsoluteUri, ["alt"] = alt, ["mediaContentType"] = "IMAGE" }),
        }), cancellationToken);
        var imageId = Id((payload["product"]?["media"]?["nodes"] as JsonArray)?.LastOrDefault()?["id"], "MediaImage");
        if (previousImageId is not null && previousImageId != imageId)
        {
            await RemoveImageAsync(productId, previousImageId, cancellationToken);
        }

        return imageId;
    }

    public async Task RemoveImageAsync(string productId, string imageId, CancellationToken cancellationToken)
    {
        try
        {
            await GraphQl.MutateAsync(ShopifyMutation.Create(ShopifyOperations.FileDelete,
                new JsonObject { ["fileIds"] = new JsonArray(ShopifyGid.Format("MediaImage", imageId)) }), cancellationToken);
        }
        catch (StoreApiException error) when (error.Code == FileDoesNotExist)
        {
            // The merchant removed it; what was to be done is done.
        }
    }

    private static JsonObject VariantInput(StoreVariantDraft variant, IReadOnlyList<StoreProductOption> options)
    {
        var values = Values(variant, options);
        var input = new JsonObject
        {
            ["optionValues"] = new JsonArray([.. options.Select((o, i) => (JsonNode)new JsonObject { ["optionName"] = o.Name, ["name"] = values[i] })]),
            ["sku"] = variant.Sku ?? "",
            ["barcode"] = variant.Barcode ?? "",
            ["price"] = variant.Price.ToString("0.00##", CultureInfo.InvariantCulture),
            ["inventoryItem"] = new JsonObject
            {
                ["measurement"] = new JsonObject { ["weight"] = new JsonObject { ["unit"] = "KILOGRAMS", ["value"] = (double)variant.WeightKg } },
            },
        };
        if (variant.StoreVariantId is not null)
        {
            input["id"] = ShopifyGid.Format("ProductVariant", variant.StoreVariantId);
        }

        return input;
    }

    private static IReadOnlyList<string> Values(StoreVariantDraft variant, IReadOnlyList<StoreProductOption> options) =>
        variant.OptionValues.Count == options.Count ? variant.OptionValues : [DefaultVariantTitle];

    private static string OptionKey(IEnumerable<string> values) => string.Join("\u001f", values);

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
