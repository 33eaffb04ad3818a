namespace Portal.Sync.Webhooks;

/// <summary>
/// Where the inbox keeps a delivery: its row and the job it queued (that delivery's own, or the job its event
/// already had). <paramref name="Redelivered"/> when the delivery was kept before; this one was only counted.
/// </summary>
public sealed record InboxEntry(Guid DeliveryId, Guid? JobId, bool Redelivered);
