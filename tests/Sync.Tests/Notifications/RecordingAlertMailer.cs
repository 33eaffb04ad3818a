using Portal.Sync.Notifications;

namespace Portal.Sync.Tests.Notifications;

/// <summary>A mailer that keeps what it was given instead of sending it.</summary>
internal sealed class RecordingAlertMailer : IAlertMailer
{
    public bool IsConfigured { get; set; } = true;

    public List<AlertMail> Sent { get; } = [];

    public Task SendAsync(AlertMail mail, CancellationToken cancellationToken)
    {
        Sent.Add(mail);
        return Task.CompletedTask;
    }
}
