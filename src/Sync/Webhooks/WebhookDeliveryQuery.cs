using Portal.Data.Entities;

namespace Portal.Sync.Webhooks;

/// <summary>The Webhooks page's filters and page; the list is always newest first.</summary>
public sealed record WebhookDeliveryQuery(
    WebhookDeliveryStatus? Status = null,
    Guid? StoreId = null,
    string? Text = null,
    DateTimeOffset? ReceivedFrom = null,
    DateTimeOffset? ReceivedBefore = null,
    int Page = 0,
    int PageSize = 50);
