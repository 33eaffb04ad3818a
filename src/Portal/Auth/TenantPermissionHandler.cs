using Microsoft.AspNetCore.Authorization;
using Portal.Sync.Tenancy;

namespace Portal.Auth;

/// <summary>
/// Grants a tenant permission from the scope's verified membership. The tenant route middleware (HTTP) and
/// the tenant gate (Blazor circuit) verify the membership before authorization runs.
/// </summary>
internal sealed class TenantPermissionHandler(TenantContext tenant) : AuthorizationHandler<TenantPermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantPermissionRequirement requirement)
    {
        if (tenant.Allows(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
