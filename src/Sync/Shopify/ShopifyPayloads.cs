using Portal.Sync.Commerce;

namespace Portal.Sync.Shopify;

/// <summary>
/// Shopify's JSON — webhook bodies and REST resources, and GraphQL orders — as the canonical commerce model. Every method
/// throws <see cref="CommercePayloadException"/> for a body it cannot read, naming the resource and the field.
/// </summary>
public static class ShopifyPayloads
{
    public static CommerceOrder ParseOrder(string json) => StorePayload.Read(json, "Shopify order", ShopifyOrderMapper.Map);

    /// <summary>
    /// An Admin GraphQL Order object as Operations/Order.graphql selects it, every page of its lines joined and each
    /// refund in its list as Operations/Refund.graphql selects it (every page of the refund's lines joined).
    /// </summary>
    public static CommerceOrder ParseGraphQlOrder(string json) => StorePayload.Read(json, "Shopify order", ShopifyGraphQlOrderMapper.Map);

    public static CommerceRefund ParseRefund(string json) => StorePayload.Read(json, "Shopify refund", ShopifyRefundMapper.Map);

    public static CommerceCustomer ParseCustomer(string json) => StorePayload.Read(json, "Shopify customer", ShopifyCustomerMapper.Map);

    public static CommerceProduct ParseProduct(string json) => StorePayload.Read(json, "Shopify product", ShopifyProductMapper.Map);

    public static CommerceInventoryLevel ParseInventoryLevel(string json) =>
        StorePayload.Read(json, "Shopify inventory level", ShopifyInventoryLevelMapper.Map);

    public static CommerceFulfilment ParseFulfilment(string json) => StorePayload.Read(json, "Shopify fulfillment", ShopifyFulfilmentMapper.Map);
}
