using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

internal static class ShopifyProductMapper
{
    private static readonly string[] OptionFields = ["option1", "option2", "option3"];

    public static CommerceProduct Map(PayloadNode product)
    {
        // The variants' own product_id is only the number; the product's gid is exact.
        var id = product.ShopifyId("Product");
        var optionNames = product.Objects("options").Select(option => option.Text("name")).ToList();
        var status = product.Text("status");
        return new CommerceProduct(
            id,
            product.RequiredText("title"),
            new(StatusOf(status), status),
            product.Time("updated_at"),
            product.Objects("variants").Select(variant => Variant(variant, id, optionNames)).ToList());
    }

    private static CommerceVariant Variant(PayloadNode variant, string productId, List<string?> optionNames) => new()
    {
        Id = variant.ShopifyId("ProductVariant"),
        ProductId = productId,
        Title = variant.Text("title"),
        Sku = variant.Text("sku"),
        Barcode = variant.Text("barcode"),
        Price = variant.Money("price"),
        Options = OptionFields
            .Select((field, position) => (Name: position < optionNames.Count ? optionNames[position] : null, Value: variant.Text(field)))
            .Where(option => option.Value is not null)
            .Select(option => new CommerceVariantOption(option.Name, option.Value!))
            .ToList(),
        Weight = variant.Decimal("weight"),
        WeightUnit = variant.Text("weight_unit"),
        InventoryItemId = variant.Id("inventory_item_id"),
    };

    private static CommerceProductStatus StatusOf(string? status) => status switch
    {
        "active" => CommerceProductStatus.Active,
        "draft" => CommerceProductStatus.Draft,
        "archived" => CommerceProductStatus.Archived,
        _ => CommerceProductStatus.Other,
    };
}
