namespace Portal.Sync.Jobs;

/// <summary>What to enqueue. <see cref="IdentityKey"/> names the event (e.g. "shopify:orders/create:820982911946154508").</summary>
public sealed record JobRequest(
    string Flow,
    string Subject,
    string SubjectKey,
    string IdentityKey,
    string Payload = "{}",
    Guid? StoreId = null,
    int Priority = 0,
    DateTimeOffset? RunAt = null);
