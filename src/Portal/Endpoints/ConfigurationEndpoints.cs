using System.Text;
using Portal.Auth;
using Portal.Sync.Configuration;

namespace Portal.Endpoints;

public static class ConfigurationEndpoints
{
    public const string ExportFileName = "tenant-config.json";

    public static string ExportPath(Guid tenantId) => TenantRoute.For(tenantId, "configuration/export");

    /// <summary>
    /// The tenant's configuration document as a download: a plain request from the Configuration page's link, so the
    /// browser saves it as any file, under the same tenant route and role rules as the page.
    /// </summary>
    public static IEndpointRouteBuilder MapConfigurationExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/t/{tenantId:guid}/configuration/export",
                async (TenantConfigurationExporter exporter, CancellationToken cancellationToken) =>
                    Results.File(Encoding.UTF8.GetBytes(await exporter.ExportAsync(cancellationToken)), "application/json", ExportFileName))
            .RequireAuthorization(PortalPolicies.ManageSettings);
        return endpoints;
    }
}
