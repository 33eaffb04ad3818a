using System.Globalization;
using System.Text.Json;
using Portal.Sync.Stores;

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

    private static string VariationTitle(string productName, JsonElement variation)
    {
        var options = variation.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array
            ? attributes.EnumerateArray().Select(a => Text(a, "option")).OfType<string>().ToList()
            : [];
        return options.Count == 0 ? productName : $"{productName} – {string.Join(" / ", options)}";
    }

    private static string Id(JsonElement item) =>
        item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
            ? id.GetInt64().ToString(CultureInfo.InvariantCulture)
            : throw new StoreApiException(StoreApiErrorKind.Protocol, "WooCommerce listed a product or variation without id.");

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
