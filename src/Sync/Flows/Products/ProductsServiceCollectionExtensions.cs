using Microsoft.Extensions.DependencyInjection;
using Portal.Sync.Jobs;

namespace Portal.Sync.Flows.Products;

public static class ProductsServiceCollectionExtensions
{
    /// <summary>Products between Odoo and the stores: the matching dry run and its links.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services)
    {
        services.AddSingleton<IJobHandler, ProductMatchingFlow>();
        services.AddScoped<ProductMatchRuns>();
        return services;
    }
}
