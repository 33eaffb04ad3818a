using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Auditing;

/// <summary>Adds an audit entry to the caller's unit of work, so the change and its record commit together.</summary>
public sealed class AuditLog(TenantContext tenant, TimeProvider clock)
{
    public void Record(PortalDbContext db, string action, string subject, string? details = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorUserId = tenant.UserId,
            ActorName = tenant.ActorName,
            Action = action,
            Subject = subject,
            Details = details,
        });
    }
}
