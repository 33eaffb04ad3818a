namespace Portal.Sync.Webhooks;

/// <summary>Everything the Webhooks page's detail drawer shows about one received webhook.</summary>
public sealed record WebhookDeliveryDetail(
    WebhookDeliveryRow Delivery,
    string DeliveryKey,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    WebhookBodyText Body);
