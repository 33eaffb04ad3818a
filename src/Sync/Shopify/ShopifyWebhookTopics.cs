namespace Portal.Sync.Shopify;

/// <summary>
/// Webhook topics as the connector names them — Shopify's header spelling, "orders/create" — and as the GraphQL
/// API does, ORDERS_CREATE. The header name maps to the enum by rule; the way back is ambiguous
/// (ORDERS_PARTIALLY_FULFILLED), so it goes through the topics the connector knows, and any other stays as Shopify spelled it.
/// </summary>
public static class ShopifyWebhookTopics
{
    private static readonly string[] Known =
    [
        "app/uninstalled", "orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled", "orders/partially_fulfilled",
        "orders/edited", "orders/delete", "refunds/create", "products/create", "products/update", "products/delete", "inventory_levels/update",
        "inventory_items/update", "fulfillments/create", "fulfillments/update", "customers/create", "customers/update", "locations/create", "locations/update",
    ];

    private static readonly Dictionary<string, string> ByEnum = Known.ToDictionary(ToGraphQl, StringComparer.Ordinal);

    public static string ToGraphQl(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return topic.Trim().Replace('/', '_').ToUpperInvariant();
    }

    public static string FromGraphQl(string topic) => ByEnum.GetValueOrDefault(topic, topic);
}
