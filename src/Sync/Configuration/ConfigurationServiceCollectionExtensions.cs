using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Sync.Configuration;

public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>Export and import of a tenant's configuration as a JSON document.</summary>
    public static IServiceCollection AddConfigurationAsCode(this IServiceCollection services)
    {
        services.TryAddSingleton<IEnvironmentVariables, ProcessEnvironmentVariables>();
        services.AddSingleton<ConfigurationValidation>();
        services.AddScoped<TenantConfigurationExporter>();
        services.AddScoped<TenantConfigurationImporter>();
        return services;
    }
}
