using Portal.Sync.Stores;

namespace Portal.Sync.Webhooks;

/// <summary>The <see cref="WebhookRoute.EventKey"/>s the platforms' topics share.</summary>
internal static class WebhookEventKeys
{
    /// <summary>One version of an order, whichever topic or poll shows it; a body without its time names no version.</summary>
    public static string? OrderChange(WebhookResource order) =>
        order.UpdatedAt is { } updatedAt ? StoreEventKeys.OrderChange(order.StoreId, order.Id, updatedAt) : null;

    public static string? Refund(WebhookResource refund) => StoreEventKeys.Refund(refund.StoreId, refund.Id);

    /// <summary>Topics whose bodies name no change the connector dedupes by: each delivery is its own event.</summary>
    public static string? ByDelivery(WebhookResource resource) => null;
}
