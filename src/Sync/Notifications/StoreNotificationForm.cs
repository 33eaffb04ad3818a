namespace Portal.Sync.Notifications;

/// <summary>Where a store's alerts go; empty sends none.</summary>
public sealed class StoreNotificationForm
{
    public string NotificationEmail { get; set; } = "";
}
