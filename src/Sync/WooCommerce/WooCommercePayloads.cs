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

    /// <summary>
    /// An order with its refunds in full, as <c>orders/{id}/refunds</c> lists them, instead of the summaries the
    /// order embeds; each refund's amounts follow the order's <c>prices_include_tax</c>, and whether its goods went
    /// back to stock is worked out from the order's lines where it can be.
    /// </summary>
    public static CommerceOrder ParseOrder(string orderJson, IReadOnlyList<string> refundsJson)
    {
        ArgumentNullException.ThrowIfNull(refundsJson);
        var (order, stock) = StorePayload.Read(orderJson, "WooCommerce order", node => (WooCommerceOrderMapper.Map(node), WooCommerceRestocks.OfLines(node)));
        var origin = WooCommerceRefundOrigin.Of(order);
        var refunds = refundsJson
            .Select(json => StorePayload.Read(json, "WooCommerce order refund", refund => WooCommerceRefundMapper.Map(refund, origin)))
            .ToList();
        return order with { Refunds = WooCommerceRestocks.Apply(refunds, stock) };
    }

    /// <summary>A refund on its own, its amounts without tax as WooCommerce keeps them and its restocking unknown.</summary>
    public static CommerceRefund ParseRefund(string json, string orderId) =>
        StorePayload.Read(json, "WooCommerce order refund", refund => WooCommerceRefundMapper.Map(refund, WooCommerceRefundOrigin.OfOrderId(orderId)));

    public static CommerceCustomer ParseCustomer(string json) => StorePayload.Read(json, "WooCommerce customer", WooCommerceCustomerMapper.Map);

    public static CommerceProduct ParseProduct(string json) => StorePayload.Read(json, "WooCommerce product", WooCommerceCatalogMapper.Map);

    public static CommerceVariant ParseVariation(string json, string productId) =>
        StorePayload.Read(json, "WooCommerce product variation", variation => WooCommerceCatalogMapper.MapVariation(variation, productId));

    /// <summary>The stock of a product or variation body, at <see cref="Location"/>; unknown when the item does not manage stock.</summary>
    public static CommerceInventoryLevel ParseStockLevel(string json) =>
        StorePayload.Read(json, "WooCommerce stock", WooCommerceCatalogMapper.MapStockLevel);
}
