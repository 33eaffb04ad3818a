using System.Security.Claims;
using Portal.Sync.Tenancy;
using Serilog;
using Serilog.Context;

namespace Portal.Auth;

/// <summary>
/// For every request under /t/{tenantId}: a signed-in user who is not a member gets 404 (the tenant's
/// existence is not confirmed); a member's tenant and role become the request's tenant context.
/// </summary>
internal sealed class TenantRouteMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant, MembershipLookup memberships, IDiagnosticContext diagnostics)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            await next(context);
            return;
        }

        var userName = context.User.Identity?.Name ?? userId;
        tenant.EnterAsUser(userId, userName);
        if (!TenantRoute.TryParse(context.Request.Path, out var tenantId))
        {
            await next(context);
            return;
        }

        var role = await memberships.FindRoleAsync(userId, tenantId, context.RequestAborted);
        if (role is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        tenant.EnterAsMember(tenantId, userId, userName, role.Value);
        diagnostics.Set("TenantId", tenantId);
        using (LogContext.PushProperty("TenantId", tenantId))
        {
            await next(context);
        }
    }
}
