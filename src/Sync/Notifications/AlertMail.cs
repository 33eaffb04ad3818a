namespace Portal.Sync.Notifications;

/// <summary>One plain-text alert to one address.</summary>
public sealed record AlertMail(string To, string Subject, string Body);
