using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Portal.Sync.Notifications;

/// <summary>Sends alerts through the SMTP server in "Notifications:Smtp"; a failure is the sending job's error, retried.</summary>
public sealed class SmtpAlertMailer(IOptions<NotificationsOptions> options) : IAlertMailer
{
    public bool IsConfigured => options.Value.Smtp.IsConfigured;

    public async Task SendAsync(AlertMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var smtp = options.Value.Smtp;
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is configured (Notifications:Smtp:Host and From).");
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = new MailMessage(smtp.From!, mail.To, mail.Subject, mail.Body);
        await client.SendMailAsync(message, cancellationToken);
    }
}
