namespace Portal.Sync.Notifications;

/// <summary>Sends alerts to the people who asked for them.</summary>
public interface IAlertMailer
{
    /// <summary>False when nothing can be sent (no server configured): then no alert is even composed.</summary>
    bool IsConfigured { get; }

    Task SendAsync(AlertMail mail, CancellationToken cancellationToken);
}
