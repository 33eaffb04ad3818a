using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Portal.Auth;

internal sealed class TenantCreatorHandler(MembershipLookup memberships) : AuthorizationHandler<TenantCreatorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantCreatorRequirement requirement)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await memberships.OwnsAnyTenantAsync(userId))
        {
            context.Succeed(requirement);
        }
    }
}
