using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Sync.Jobs;
using Quartz;

namespace Portal.Sync.Flows.Fulfilment;

public static class FulfilmentServiceCollectionExtensions
{
    /// <summary>Odoo's deliveries of linked orders into the stores' fulfilments.</summary>
    public static IServiceCollection AddFulfilment(this IServiceCollection services)
    {
        services.AddOptions<FulfilmentOptions>().BindConfiguration("Fulfilment")
            .Validate(o => o.PollInterval >= TimeSpan.FromSeconds(1), "Fulfilment:PollInterval must be at least one second.")
            .Validate(o => o.PollOverlap >= TimeSpan.Zero, "Fulfilment:PollOverlap cannot be negative.")
            .ValidateOnStart();
        services.AddSingleton<FulfilmentScheduler>();
        services.AddScoped<CarrierShippingMethods>();
        services.AddSingleton<IJobHandler, FulfilmentSyncFlow>();
        services.AddSingleton<IJobHandler, FulfilmentCreateFlow>();
        return services;
    }

    /// <summary>Schedules the delivery polls in this process (on every instance; the job store dedupes them).</summary>
    public static IServiceCollection AddFulfilmentSchedule(this IServiceCollection services)
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<FulfilmentOptions>>((quartz, fulfilment) =>
            quartz.AddRepeating<FulfilmentPollWorker>(FulfilmentPollWorker.Key, fulfilment.Value.PollInterval));
        return services;
    }
}
