using Portal.Data.Entities;

namespace Portal.Sync.Tenancy;

/// <summary>The one table that says what each role may do.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<TenantRole, TenantPermission[]> Granted = new()
    {
        [TenantRole.Owner] = [TenantPermission.View, TenantPermission.OperateJobs, TenantPermission.ManageSettings, TenantPermission.ManageUsers],
        [TenantRole.Admin] = [TenantPermission.View, TenantPermission.OperateJobs, TenantPermission.ManageSettings],
        [TenantRole.Finance] = [TenantPermission.View, TenantPermission.OperateJobs],
        [TenantRole.Viewer] = [TenantPermission.View],
    };

    public static bool Allows(this TenantRole role, TenantPermission permission) => Granted[role].Contains(permission);
}
