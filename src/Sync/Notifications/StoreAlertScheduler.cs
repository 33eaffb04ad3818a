using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;

namespace Portal.Sync.Notifications;

/// <summary>
/// Enqueues, once per alert interval, the alert job of every enabled store with a notification address, for the
/// interval that just ended (see <see cref="PeriodicStoreJobs"/>). Nothing is queued while no SMTP server is configured.
/// </summary>
public sealed class StoreAlertScheduler(PortalDbContextActivator activator, JobStore jobs, IAlertMailer mailer, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public Task<int> EnqueueDueAsync(CancellationToken cancellationToken = default)
    {
        if (!mailer.IsConfigured)
        {
            return Task.FromResult(0);
        }

        var interval = options.Value.AlertInterval;
        var now = clock.GetUtcNow();
        var to = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % interval.Ticks), TimeSpan.Zero);
        var schedule = new PeriodicStoreJob(StoreAlertFlow.Name, s => s.NotificationEmail != null, NeedsOdoo: false);
        return PeriodicStoreJobs.EnqueueAsync(activator, jobs, schedule, (id, name) => StoreAlertFlow.Request(id, name, to - interval, to), cancellationToken);
    }
}
