using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Sync.Jobs;
using Quartz;

namespace Portal.Sync.Flows.Stock;

public static class StockServiceCollectionExtensions
{
    /// <summary>Odoo's stock to the stores: the change polls, the reconciliations and their scheduler.</summary>
    public static IServiceCollection AddStock(this IServiceCollection services)
    {
        services.AddOptions<StockOptions>().BindConfiguration("Stock")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1) && o.ReconcileInterval >= TimeSpan.FromMinutes(1),
                "Stock:PollInterval must be at least a second and Stock:ReconcileInterval at least a minute.");
        services.AddSingleton<StockScheduler>();
        services.AddSingleton<IJobHandler, StockSyncFlow>();
        services.AddSingleton<IJobHandler, StockReconcileFlow>();
        services.AddScoped<StockReconciliations>();
        services.AddScoped<OdooNotifications>();
        services.AddSingleton<IValidator<StockSettingsForm>, StockSettingsFormValidator>();
        services.AddScoped<StockSettingsService>();
        return services;
    }

    /// <summary>Schedules the stock polls and reconciliations in this process (on every instance; the job store dedupes them).</summary>
    public static IServiceCollection AddStockSchedules(this IServiceCollection services)
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<StockOptions>>((quartz, stock) =>
        {
            quartz.AddRepeating<StockPollWorker>(StockPollWorker.Key, stock.Value.PollInterval);
            quartz.AddRepeating<StockReconcileWorker>(StockReconcileWorker.Key, stock.Value.ReconcileInterval);
        });
        return services;
    }
}
