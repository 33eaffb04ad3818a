namespace Portal.Sync.Notifications;

/// <summary>Bound from "Notifications:Smtp". Without a host and a sender address no alert is emailed.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>The sender address of every alert.</summary>
    public string? From { get; set; }

    /// <summary>Set both to sign in to the server; leave them empty for a relay that needs no sign-in.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>STARTTLS before anything is sent; only a relay on the same host can do without it.</summary>
    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
