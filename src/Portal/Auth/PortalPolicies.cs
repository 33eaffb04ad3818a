using Portal.Sync.Tenancy;

namespace Portal.Auth;

/// <summary>Authorization policy names used by pages and endpoints.</summary>
public static class PortalPolicies
{
    public const string View = "tenant:view";
    public const string OperateJobs = "tenant:operate-jobs";
    public const string ManageSettings = "tenant:manage-settings";
    public const string ManageUsers = "tenant:manage-users";

    /// <summary>Owners of any tenant may create further tenants.</summary>
    public const string CreateTenants = "tenants:create";

    public static readonly IReadOnlyDictionary<string, TenantPermission> TenantPermissions = new Dictionary<string, TenantPermission>
    {
        [View] = TenantPermission.View,
        [OperateJobs] = TenantPermission.OperateJobs,
        [ManageSettings] = TenantPermission.ManageSettings,
        [ManageUsers] = TenantPermission.ManageUsers,
    };
}
