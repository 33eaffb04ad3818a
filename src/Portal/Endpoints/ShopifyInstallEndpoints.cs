using Portal.Auth;
using Portal.Sync.Stores;

namespace Portal.Endpoints;

public static class ShopifyInstallEndpoints
{
    /// <summary>
    /// Where Shopify sends the person back after they approved the app: the install is finished and they land
    /// on the Stores page with the outcome. The address is per tenant, so the tenant's role rules apply to it.
    /// </summary>
    public static IEndpointRouteBuilder MapShopifyInstall(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/t/{tenantId:guid}/stores/shopify/callback",
            async (HttpContext http, Guid tenantId, ShopifyInstalls installs) =>
            {
                try
                {
                    var result = await installs.CompleteAsync(http.Request.Query, http.RequestAborted);
                    var outcome = result.Connected ? "connected" : "problem";
                    return Results.Redirect($"{TenantRoute.For(tenantId, "stores")}?{outcome}={Uri.EscapeDataString(result.Message)}");
                }
                catch (ShopifyCallbackForgedException forged)
                {
                    return Results.Text(forged.Message, statusCode: StatusCodes.Status401Unauthorized);
                }
            })
            .RequireAuthorization(PortalPolicies.ManageSettings);
        return endpoints;
    }
}
