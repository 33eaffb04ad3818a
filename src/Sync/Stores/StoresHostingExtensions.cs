using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Sync.Jobs;
using Quartz;

namespace Portal.Sync.Stores;

public static class StoresHostingExtensions
{
    /// <summary>Schedules the stores' polls and subscription checks in this process (on every instance; the job store dedupes them).</summary>
    public static IServiceCollection AddStoreSchedules(this IServiceCollection services)
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<StoresOptions>>((quartz, stores) =>
        {
            quartz.AddRepeating<StorePollWorker>(StorePollWorker.Key, stores.Value.PollInterval);
            quartz.AddRepeating<SubscriptionCheckWorker>(SubscriptionCheckWorker.Key, stores.Value.SubscriptionCheckInterval);
        });
        return services;
    }
}
