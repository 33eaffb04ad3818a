using Portal.Data.Entities;

namespace Portal.Sync.Webhooks;

/// <summary>One received webhook as the Webhooks page lists it.</summary>
public sealed record WebhookDeliveryRow(
    Guid Id,
    DateTimeOffset ReceivedAt,
    Guid StoreId,
    string StoreName,
    StorePlatform Platform,
    string Topic,
    WebhookDeliveryStatus Status,
    string? Problem,
    int DuplicatesSkipped,
    Guid? JobId);
