namespace Portal.Sync.Tenancy;

/// <summary>The active member's role does not allow the attempted change.</summary>
public sealed class TenantAccessDeniedException(TenantPermission permission)
    : UnauthorizedAccessException($"Your role in this tenant does not allow this ({permission}).")
{
    public TenantPermission Permission { get; } = permission;
}
