using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the portal database for the provider named by Database:Provider. The caller registers the
    /// scoped <see cref="ITenantContext"/>.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);

        // Resolved on first use, so a missing connection string is reported by start-up's database check, not as a crash here.
        services.AddSingleton(sp => PortalDbContextActivator.For(
            options.Provider,
            ResolveConnectionString(options, configuration.GetConnectionString("Portal"), contentRootPath),
            sp.GetService<ILoggerFactory>()));
        services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    private static string ResolveConnectionString(DatabaseOptions options, string? configured, string contentRootPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:Provider is {options.Provider} but {DatabaseOptions.ConnectionStringKey} is empty. Set it, or use Database:Provider=Sqlite.");
        }

        var directory = Path.GetFullPath(options.DataDirectory, contentRootPath);
        return $"Data Source={Path.Combine(directory, "portal.db")}";
    }
}
