using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// Products and variations. A simple product is its own one variant; a variable product's variations are
/// separate resources, read with <see cref="MapVariation"/>. Stock lives on the product or variation itself, so
/// it is its own inventory item, at the site's one location.
/// </summary>
internal static class WooCommerceCatalogMapper
{
    public static CommerceProduct Map(PayloadNode product)
    {
        var id = product.RequiredId("id");
        var title = product.RequiredDecodedText("name");
        var status = product.Text("status");
        return new CommerceProduct(
            id,
            title,
            new(StatusOf(status), status),
            product.UtcTime("date_modified"),
            product.Text("type") == "simple" ? [Variant(product, id, title, [])] : []);
    }

    /// <summary>A variation has no name of its own in older versions; its attribute values ("Black") then title it, as Shopify titles variants.</summary>
    public static CommerceVariant MapVariation(PayloadNode variation, string productId)
    {
        var options = variation.Objects("attributes")
            .Select(attribute => new CommerceVariantOption(attribute.Text("name"), attribute.RequiredText("option")))
            .ToList();
        var title = variation.DecodedText("name") ?? (options.Count > 0 ? string.Join(" / ", options.Select(option => option.Value)) : null);
        return Variant(variation, productId, title, options);
    }

    public static CommerceInventoryLevel MapStockLevel(PayloadNode item) =>
        new(
            item.RequiredId("id"),
            WooCommercePayloads.Location.Id,
            item.Flag("manage_stock") == true ? item.Integer("stock_quantity") : null,
            item.UtcTime("date_modified"));

    private static CommerceVariant Variant(PayloadNode item, string productId, string? title, IReadOnlyList<CommerceVariantOption> options)
    {
        var id = item.RequiredId("id");
        return new CommerceVariant
        {
            Id = id,
            ProductId = productId,
            Title = title,
            Sku = item.Text("sku"),
            Price = item.Decimal("price"),
            Options = options,
            Weight = item.Decimal("weight"),
            InventoryItemId = id,
        };
    }

    private static CommerceProductStatus StatusOf(string? status) => status switch
    {
        "publish" => CommerceProductStatus.Active,
        "draft" or "pending" or "future" => CommerceProductStatus.Draft,
        "trash" => CommerceProductStatus.Archived,
        _ => CommerceProductStatus.Other,
    };
}
