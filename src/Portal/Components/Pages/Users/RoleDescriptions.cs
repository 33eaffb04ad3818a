using Portal.Data.Entities;

namespace Portal.Components.Pages.Users;

internal static class RoleDescriptions
{
    public static string Of(TenantRole role) => role switch
    {
        TenantRole.Owner => "everything, including members",
        TenantRole.Admin => "connections, settings and mappings",
        TenantRole.Finance => "review exceptions, retry or ignore jobs",
        TenantRole.Viewer => "read only",
        _ => "",
    };
}
