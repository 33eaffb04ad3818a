namespace Portal.Sync.Notifications;

/// <summary>Bound from "Notifications": how often stores' alert emails go out, and the SMTP server that sends them.</summary>
public sealed class NotificationsOptions
{
    /// <summary>Each store's alert lists the jobs that failed or parked during one such interval.</summary>
    public TimeSpan AlertInterval { get; set; } = TimeSpan.FromMinutes(15);

    public SmtpOptions Smtp { get; set; } = new();
}
