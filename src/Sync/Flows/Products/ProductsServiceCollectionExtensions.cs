using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Sync.Jobs;
using Quartz;

namespace Portal.Sync.Flows.Products;

public static class ProductsServiceCollectionExtensions
{
    /// <summary>Products between Odoo and the stores: the matching dry run and its links, and the export of Odoo templates.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services)
    {
        services.AddOptions<ProductsOptions>().BindConfiguration("Products")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1), "Products:PollInterval must be at least one second.");
        services.AddSingleton<IJobHandler, ProductMatchingFlow>();
        services.AddSingleton<IJobHandler, ProductExportFlow>();
        services.AddSingleton<IJobHandler, ProductImageFlow>();
        services.AddSingleton<ProductImageAddresses>();
        services.AddSingleton<IJobHandler, ProductPollFlow>();
        services.AddSingleton<IJobHandler, ProductImportFlow>();
        services.AddSingleton<ProductPollScheduler>();
        services.AddScoped<ProductMatchRuns>();
        services.AddSingleton<IValidator<ProductSettingsForm>, ProductSettingsFormValidator>();
        services.AddScoped<ProductSettings>();
        return services;
    }

    /// <summary>Schedules the product polls in this process (on every instance; the job store dedupes them).</summary>
    public static IServiceCollection AddProductSchedules(this IServiceCollection services)
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<ProductsOptions>>((quartz, products) =>
            quartz.AddRepeating<ProductPollWorker>(ProductPollWorker.Key, products.Value.PollInterval));
        return services;
    }
}
