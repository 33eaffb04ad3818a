namespace Portal.Data.Entities;

/// <summary>
/// One webhook a store needs for its features, as last seen on the platform: registered and pointing at this
/// portal, or what was wrong and whether it was repaired.
/// </summary>
public class WebhookSubscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }

    /// <summary>The platform's topic name ("orders/create", "order.updated").</summary>
    public required string Topic { get; set; }

    /// <summary>The platform's id of the subscription; null while it is missing.</summary>
    public string? RemoteId { get; set; }
    public required string Address { get; set; }
    public WebhookSubscriptionStatus Status { get; set; }
    public string? Problem { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}
