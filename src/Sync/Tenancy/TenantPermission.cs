namespace Portal.Sync.Tenancy;

/// <summary>The things a role allows within one tenant; checked on the server before every change.</summary>
public enum TenantPermission
{
    /// <summary>See the tenant's pages and settings.</summary>
    View,

    /// <summary>Review exceptions; retry or ignore jobs.</summary>
    OperateJobs,

    /// <summary>Change connections, settings and mappings.</summary>
    ManageSettings,

    /// <summary>Add and remove members.</summary>
    ManageUsers,
}
