using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Sync.Stores;
using static Portal.Sync.WooCommerce.WooCommerceJson;

namespace Portal.Sync.WooCommerce;

/// <summary>A WooCommerce site as <see cref="IStoreCatalogue"/>, through REST v3.</summary>
internal sealed class WooCommerceCatalogue(WooCommerceRestClient rest) : IStoreCatalogue
{
    private WooCommerceRestClient Rest { get; } = rest;

    /// <summary>A page of products (the cursor is the page number), each variable product with all its variations.</summary>
    public async Task<StoreVariantPage> VariantsAsync(string? pageCursor, CancellationToken cancellationToken)
    {
        var page = pageCursor is null ? 1 : int.Parse(pageCursor, NumberStyles.None, CultureInfo.InvariantCulture);
        var products = await Rest.GetPageAsync("products", [], page, cancellationToken);
        var variants = new List<StoreVariant>();
        foreach (var product in products.Items)
        {
            var productId = Id(product);
            var name = Text(product, "name") ?? "";
            if (Text(product, "type") != "variable")
            {
                variants.Add(new StoreVariant(productId, productId, null, name, Text(product, "sku"), Text(product, "global_unique_id")));
                continue;
            }

            foreach (var variation in await Rest.GetAllAsync($"products/{productId}/variations", [], cancellationToken))
            {
                variants.Add(new StoreVariant(productId, Id(variation), null, VariationTitle(name, variation), Text(variation, "sku"), Text(variation, "global_unique_id")));
            }
        }

        return new StoreVariantPage(variants, products.HasNext ? (page + 1).ToString(CultureInfo.InvariantCulture) : null, null);
    }

    public async Task<StoreProduct?> ProductAsync(string productId, CancellationToken cancellationToken)
    {
        if (await Rest.FindAsync($"products/{long.Parse(productId, NumberStyles.None, CultureInfo.InvariantCulture)}", cancellationToken) is not { } product)
        {
            return null;
        }

        var active = Text(product, "status") == "publish";
        if (Text(product, "type") != "variable")
        {
            return new StoreProduct(productId, Text(product, "name") ?? "", active, [],
                [new StoreProductVariant(productId, Text(product, "sku"), Text(product, "global_unique_id"), Price(product), [])]);
        }

        var options = product.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array
            ? attributes.EnumerateArray()
                .Where(a => a.TryGetProperty("variation", out var variation) && variation.ValueKind == JsonValueKind.True)
                .Select(a => new StoreProductOption(Text(a, "name") ?? "", [.. a.GetProperty("options").EnumerateArray().Select(o => o.GetString() ?? "")]))
                .ToList()
            : [];
        var variations = await Rest.GetAllAsync($"products/{productId}/variations", [], cancellationToken);
        return new StoreProduct(productId, Text(product, "name") ?? "", active, options, [.. variations.Select(v =>
        {
            var chosen = v.TryGetProperty("attributes", out var given) && given.ValueKind == JsonValueKind.Array ? given.EnumerateArray().ToList() : [];
            return new StoreProductVariant(Id(v), Text(v, "sku"), Text(v, "global_unique_id"), Price(v),
                [.. options.Select(o => chosen.Where(c => Text(c, "name") == o.Name).Select(c => Text(c, "option")).FirstOrDefault() ?? "")]);
        })]);
    }

    private static decimal Price(JsonElement item) =>
        decimal.TryParse(Text(item, "regular_price") ?? Text(item, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : 0m;

    /// <summary>
    /// A simple product for a template without options, else a variable product with its attributes and a
    /// variation each, written in batches. Short description, tags, categories and SEO meta are never sent.
    /// </summary>
    public async Task<StoreProductSaved> SaveProductAsync(StoreProductDraft product, string? storeProductId, CancellationToken cancellationToken)
    {
        var simple = product.Options.Count == 0;
        var body = new JsonObject
        {
            ["name"] = product.Title,
            ["type"] = simple ? "simple" : "variable",
            ["status"] = product.Active ? "publish" : "draft",
        };
        if (product.DescriptionHtml is not null)
        {
            body["description"] = product.DescriptionHtml;
        }

        if (simple && product.Variants is [var only])
        {
            Describe(body, only);
        }
        else
        {
            body["attributes"] = new JsonArray([.. product.Options.Select((o, i) => (JsonNode)new JsonObject
            {
                ["name"] = o.Name,
                ["position"] = i,
                ["visible"] = true,
                ["variation"] = true,
                ["options"] = new JsonArray([.. o.Values.Select(v => (JsonNode)v)]),
            })]);
        }

        var productId = Id(await SaveAsync("products", body, storeProductId, cancellationToken));
        if (simple)
        {
            return new StoreProductSaved(productId, product.Variants.Take(1).ToDictionary(v => v.OdooProductId, _ => productId));
        }

        var variations = product.Variants.Select(v =>
        {
            var variation = new JsonObject
            {
                ["status"] = product.Active ? "publish" : "private",
                ["attributes"] = new JsonArray([.. product.Options.Select((o, i) => (JsonNode)new JsonObject { ["name"] = o.Name, ["option"] = v.OptionValues[i] })]),
            };
            Describe(variation, v);
            if (v.StoreVariantId is not null)
            {
                variation["id"] = long.Parse(v.StoreVariantId, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            return (Draft: v, Body: variation);
        }).ToList();
        var result = await Rest.BatchAsync($"products/{productId}/variations", new WooCommerceBatch
        {
            Create = [.. variations.Where(v => v.Draft.StoreVariantId is null).Select(v => v.Body)],
            Update = [.. variations.Where(v => v.Draft.StoreVariantId is not null).Select(v => v.Body)],
        }, cancellationToken);
        if (result.Failures is [var failure, ..])
        {
            throw new StoreApiException(StoreApiErrorKind.Validation, $"WooCommerce refused a variation of product {productId}: {failure.Message}", code: failure.Code);
        }

        var created = product.Variants.Where(v => v.StoreVariantId is null).Zip(result.Created, (draft, answer) => (draft.OdooProductId, Id(answer)));
        var updated = product.Variants.Where(v => v.StoreVariantId is not null).Select(v => (v.OdooProductId, v.StoreVariantId!));
        return new StoreProductSaved(productId, created.Concat(updated).ToDictionary(v => v.Item1, v => v.Item2));
    }

    private async Task<JsonElement> SaveAsync(string path, JsonObject body, string? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            body["id"] = long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var batch = id is null ? new WooCommerceBatch { Create = [body] } : new WooCommerceBatch { Update = [body] };
        var result = await Rest.BatchAsync(path, batch, cancellationToken);
        return result.Failures is [var failure, ..]
            ? throw new StoreApiException(StoreApiErrorKind.Validation, $"WooCommerce refused the product: {failure.Message}", code: failure.Code)
            : result.Created.Concat(result.Updated).Single();
    }

    public async Task<IReadOnlyList<StoreImage>> ImagesAsync(string productId, CancellationToken cancellationToken)
    {
        var product = await Rest.GetAsync($"products/{long.Parse(productId, NumberStyles.None, CultureInfo.InvariantCulture)}", [], cancellationToken);
        return product.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array
            ? [.. images.EnumerateArray().Select(i => new StoreImage(Id(i), Text(i, "src")))]
            : [];
    }

    /// <summary>
    /// Ours by src in the previous one's place (or last), which WooCommerce downloads during the request and
    /// answers with its new attachment id.
    /// </summary>
    public async Task<string> ReplaceImageAsync(string productId, string? previousImageId, Uri source, string alt, CancellationToken cancellationToken)
    {
        var (kept, saved) = await SaveImagesAsync(productId, previousImageId, new JsonObject { ["src"] = source.AbsoluteUri, ["alt"] = alt }, cancellationToken);
        return saved.GetProperty("images").EnumerateArray().Select(Id).FirstOrDefault(id => !kept.Contains(id))
               ?? throw new StoreApiException(StoreApiErrorKind.Protocol, $"WooCommerce saved product {productId} without the new image.");
    }

    public async Task RemoveImageAsync(string productId, string imageId, CancellationToken cancellationToken) =>
        await SaveImagesAsync(productId, imageId, null, cancellationToken);

    /// <summary>
    /// PUT products/{id} with the whole images list, as WooCommerce replaces it: the product's other images by id
    /// in their order, <paramref name="ours"/> (if any) in <paramref name="replacedImageId"/>'s place or last.
    /// Returns the ids kept and the saved product.
    /// </summary>
    private async Task<(HashSet<string> Kept, JsonElement Saved)> SaveImagesAsync(string productId, string? replacedImageId, JsonObject? ours, CancellationToken cancellationToken)
    {
        var path = $"products/{long.Parse(productId, NumberStyles.None, CultureInfo.InvariantCulture)}";
        var current = (await Rest.GetAsync(path, [], cancellationToken)).TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array
            ? images.EnumerateArray().Select(Id).ToList()
            : [];
        var list = current.Select(id => id == replacedImageId ? ours : new JsonObject { ["id"] = long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture) })
            .OfType<JsonObject>().ToList();
        if (ours is not null && !list.Contains(ours))
        {
            list.Add(ours);
        }

        var saved = await Rest.PutAsync(path, new JsonObject { ["images"] = new JsonArray([.. list]) }, cancellationToken);
        return (current.Where(id => id != replacedImageId).ToHashSet(), saved);
    }

    private static void Describe(JsonObject body, StoreVariantDraft variant)
    {
        body["sku"] = variant.Sku ?? "";
        body["global_unique_id"] = variant.Barcode ?? "";
        body["regular_price"] = variant.Price.ToString("0.00##", CultureInfo.InvariantCulture);
        body["weight"] = variant.WeightKg.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private static string VariationTitle(string productName, JsonElement variation)
    {
        var options = variation.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array
            ? attributes.EnumerateArray().Select(a => Text(a, "option")).OfType<string>().ToList()
            : [];
        return options.Count == 0 ? productName : $"{productName} – {string.Join(" / ", options)}";
    }
}
