using Portal.Data.Entities;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Tests;

public class RolePermissionsTests
{
    [Theory]
    [InlineData(TenantRole.Owner, true, true, true, true)]
    [InlineData(TenantRole.Admin, true, true, true, false)]
    [InlineData(TenantRole.Finance, true, true, false, false)]
    [InlineData(TenantRole.Viewer, true, false, false, false)]
    public void Each_role_allows_exactly_its_permissions(TenantRole role, bool view, bool operateJobs, bool manageSettings, bool manageUsers)
    {
        Assert.Equal(view, role.Allows(TenantPermission.View));
        Assert.Equal(operateJobs, role.Allows(TenantPermission.OperateJobs));
        Assert.Equal(manageSettings, role.Allows(TenantPermission.ManageSettings));
        Assert.Equal(manageUsers, role.Allows(TenantPermission.ManageUsers));
    }

    [Fact]
    public void Nothing_is_allowed_outside_a_tenant()
    {
        var context = new TenantContext();
        context.EnterAsUser("user-1", "someone@example.com");

        Assert.False(context.Allows(TenantPermission.View));
        Assert.Throws<TenantAccessDeniedException>(() => context.Demand(TenantPermission.View));
    }

    [Fact]
    public void System_work_for_a_tenant_may_do_everything_in_that_tenant()
    {
        var tenantId = Guid.NewGuid();
        var context = new TenantContext();
        context.EnterAsSystem(tenantId);

        Assert.All(Enum.GetValues<TenantPermission>(), p => Assert.Equal(tenantId, context.Demand(p)));
        Assert.Equal("system", context.ActorName);
    }

    [Fact]
    public void Demand_names_the_missing_permission()
    {
        var context = new TenantContext();
        context.EnterAsMember(Guid.NewGuid(), "user-1", "viewer@example.com", TenantRole.Viewer);

        var denied = Assert.Throws<TenantAccessDeniedException>(() => context.Demand(TenantPermission.ManageSettings));
        Assert.Equal(TenantPermission.ManageSettings, denied.Permission);
    }
}
