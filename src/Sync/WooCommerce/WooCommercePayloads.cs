using Portal.Sync.Commerce;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// WooCommerce REST v3 JSON — also its webhook bodies, which are the same resources — as the canonical commerce
/// model. Every method throws <see cref="CommercePayloadException"/> for a body it cannot read, naming the
/// resource and the field.
/// </summary>
public static class WooCommercePayloads
{
    /// <summary>A WooCommerce site keeps one stock figure per product, so it has one location.</summary>
    public static CommerceLocation Location { get; } = new("default", "WooCommerce site");

    public static CommerceOrder ParseOrder(string json) => StorePayload.Read(json, "WooCommerce order", WooCommerceOrderMapper.Map);

    public static WooCommerceOrderBatch ParseOrderBatch(string json) =>
        StorePayload.Read(json, "WooCommerce order batch", WooCommerceOrderMapper.MapBatch);

    public static CommerceRefund ParseRefund(string json, string orderId) =>
        StorePayload.Read(json, "WooCommerce order refund", refund => WooCommerceRefundMapper.Map(refund, orderId));

    public static CommerceCustomer ParseCustomer(string json) => StorePayload.Read(json, "WooCommerce customer", WooCommerceCustomerMapper.Map);

    public static CommerceProduct ParseProduct(string json) => StorePayload.Read(json, "WooCommerce product", WooCommerceCatalogMapper.Map);

    public static CommerceVariant ParseVariation(string json, string productId) =>
        StorePayload.Read(json, "WooCommerce product variation", variation => WooCommerceCatalogMapper.MapVariation(variation, productId));

    /// <summary>The stock of a product or variation body, at <see cref="Location"/>; unknown when the item does not manage stock.</summary>
    public static CommerceInventoryLevel ParseStockLevel(string json) =>
        StorePayload.Read(json, "WooCommerce stock", WooCommerceCatalogMapper.MapStockLevel);
}
