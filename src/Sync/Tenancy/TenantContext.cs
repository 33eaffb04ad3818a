using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Sync.Tenancy;

/// <summary>
/// The tenant and person a scope (an HTTP request, a Blazor circuit, a job) acts for. Set once the
/// membership has been verified; the database reads it to filter every tenant-owned query.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }

    public string? UserId { get; private set; }

    /// <summary>Shown in audit entries: the member's sign-in name, or "system" for jobs.</summary>
    public string ActorName { get; private set; } = "anonymous";

    public TenantRole? Role { get; private set; }

    public bool IsSystem { get; private set; }

    /// <summary>A signed-in user outside any tenant: sees only their own memberships.</summary>
    public void EnterAsUser(string userId, string userName)
    {
        TenantId = null;
        Role = null;
        IsSystem = false;
        UserId = userId;
        ActorName = userName;
    }

    /// <summary>A member acting in one tenant, after their membership was verified.</summary>
    public void EnterAsMember(Guid tenantId, string userId, string userName, TenantRole role)
    {
        EnterAsUser(userId, userName);
        TenantId = tenantId;
        Role = role;
    }

    /// <summary>A context of its own for background work on one tenant's behalf, outside any request's scope.</summary>
    public static TenantContext SystemFor(Guid tenantId)
    {
        var tenant = new TenantContext();
        tenant.EnterAsSystem(tenantId);
        return tenant;
    }

    /// <summary>Background work (jobs, webhooks) on one tenant's behalf.</summary>
    /// <param name="actorName">How audit entries name the actor: "system" for jobs, "cli" for a command run on the server.</param>
    public void EnterAsSystem(Guid tenantId, string actorName = "system")
    {
        TenantId = tenantId;
        UserId = null;
        Role = null;
        IsSystem = true;
        ActorName = actorName;
    }

    /// <summary>Carries this scope's identity into a fresh scope (for work that needs its own unit of work).</summary>
    public void CopyTo(TenantContext other)
    {
        other.TenantId = TenantId;
        other.UserId = UserId;
        other.Role = Role;
        other.IsSystem = IsSystem;
        other.ActorName = ActorName;
    }

    public void Leave()
    {
        TenantId = null;
        UserId = null;
        Role = null;
        IsSystem = false;
        ActorName = "anonymous";
    }

    public bool Allows(TenantPermission permission) =>
        TenantId is not null && (IsSystem || (Role is { } role && role.Allows(permission)));

    public Guid Demand(TenantPermission permission)
    {
        if (!Allows(permission))
        {
            throw new TenantAccessDeniedException(permission);
        }

        return TenantId!.Value;
    }
}
