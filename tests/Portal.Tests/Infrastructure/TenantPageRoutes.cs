using Microsoft.AspNetCore.Components;
using Portal.Auth;

namespace Portal.Tests.Infrastructure;

/// <summary>Every page template under /t/{TenantId}, read from the portal's components, so a new page is tested without being listed.</summary>
public static class TenantPageRoutes
{
    public static IReadOnlyList<string> Templates { get; } = typeof(PortalPolicies).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
        .Select(r => r.Template)
        .Where(t => t.StartsWith("/t/{TenantId:guid}", StringComparison.Ordinal))
        .Order()
        .ToList();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var template in Templates)
        {
            data.Add(template);
        }

        return data;
    }

    /// <param name="storeId">Fills a store page's store; its other parameters take their first value (the taxes of a store's mappings).</param>
    public static string For(string template, Guid tenantId, Guid storeId)
    {
        var route = template.Replace("{TenantId:guid}", tenantId.ToString(), StringComparison.Ordinal)
            .Replace("{StoreId:guid}", storeId.ToString(), StringComparison.Ordinal)
            .Replace("{Kind}", "taxes", StringComparison.Ordinal);
        Assert.DoesNotContain("{", route, StringComparison.Ordinal);
        return route;
    }
}
