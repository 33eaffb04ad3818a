using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Sync.Jobs;

namespace Portal.Sync.Stores;

/// <summary>Enqueues each connected store's periodic poll and subscription check (see <see cref="PeriodicStoreJobs"/>).</summary>
public sealed class StoreScheduler(PortalDbContextActivator activator, JobStore jobs, IOptions<StoresOptions> options, TimeProvider clock)
{
    public Task<int> EnqueueDuePollsAsync(CancellationToken cancellationToken = default) =>
        EnqueueAsync(StorePollFlow.Name, options.Value.PollInterval, StorePollFlow.Request, cancellationToken);

    public Task<int> EnqueueDueSubscriptionChecksAsync(CancellationToken cancellationToken = default) =>
        EnqueueAsync(SubscriptionSyncFlow.Name, options.Value.SubscriptionCheckInterval, SubscriptionSyncFlow.Request, cancellationToken);

    private Task<int> EnqueueAsync(string flow, TimeSpan interval, Func<Guid, string, string, JobRequest> request, CancellationToken cancellationToken)
    {
        var slot = PeriodicStoreJobs.Slot(interval, clock.GetUtcNow());
        return PeriodicStoreJobs.EnqueueAsync(activator, jobs, new PeriodicStoreJob(flow, s => s.ProtectedCredentials != null, NeedsOdoo: false),
            (id, name) => request(id, name, slot), cancellationToken);
    }
}
