using Microsoft.Extensions.DependencyInjection;
using Portal.Sync.Jobs;

namespace Portal.Sync.Flows.Products;

public static class ProductsServiceCollectionExtensions
{
    /// <summary>Products between Odoo and the stores: the matching dry run and its links, and the export of Odoo templates.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services)
    {
        services.AddSingleton<IJobHandler, ProductMatchingFlow>();
        services.AddSingleton<IJobHandler, ProductExportFlow>();
        services.AddScoped<ProductMatchRuns>();
        return services;
    }
}
