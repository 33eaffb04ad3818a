using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portal.Fakes.Sandbox;

/// <summary>
/// The sandbox's own endpoints, for a person at a terminal: <c>GET /</c> repeats the connection details;
/// <c>POST /shopify/orders</c> and <c>POST /woocommerce/orders</c> place an order and announce it to the portal
/// (<c>?tax=unmapped</c> gives it a tax nobody mapped, to watch a job park and be fixed).
/// </summary>
public static class SandboxControl
{
    public static void Map(WebApplication app, DemoSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(sandbox);
        app.MapGet("/", () => Results.Text(SandboxGuide.Describe(sandbox)));
        app.MapPost("/shopify/orders", async (string? tax) => Results.Json(await sandbox.PlaceShopifyOrderAsync(Unmapped(tax))));
        app.MapPost("/woocommerce/orders", async (string? tax) => Results.Json(await sandbox.PlaceWooCommerceOrderAsync(Unmapped(tax))));
    }

    private static bool Unmapped(string? tax) => string.Equals(tax, "unmapped", StringComparison.OrdinalIgnoreCase);
}
