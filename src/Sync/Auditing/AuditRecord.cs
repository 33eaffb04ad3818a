namespace Portal.Sync.Auditing;

/// <summary>One audit entry as the Activity page shows it.</summary>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string Action, string Subject, string? Details);
