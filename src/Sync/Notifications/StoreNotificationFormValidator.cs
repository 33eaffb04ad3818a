using System.Net.Mail;
using FluentValidation;

namespace Portal.Sync.Notifications;

/// <summary>Shared by the Monitor tab, <see cref="StoreNotificationService"/> and the configuration import.</summary>
public sealed class StoreNotificationFormValidator : AbstractValidator<StoreNotificationForm>
{
    /// <summary>The longest address RFC 5321 allows, and the column's size.</summary>
    public const int MaxLength = 254;

    public StoreNotificationFormValidator()
    {
        RuleFor(f => f.NotificationEmail)
            .Must(e => e.Trim().Length <= MaxLength).WithMessage($"An email address has at most {MaxLength} characters.")
            .Must(IsPlainAddress).When(f => !string.IsNullOrWhiteSpace(f.NotificationEmail))
            .WithMessage("Enter one email address such as ops@example.com, or leave it empty to send no alerts.");
    }

    // One bare address: a display name or a list would be sent somewhere nobody expects.
    private static bool IsPlainAddress(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
