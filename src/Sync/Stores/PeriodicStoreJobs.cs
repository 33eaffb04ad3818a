using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Stores;

/// <summary>
/// Per-store jobs that every instance enqueues on a schedule: the identity key names the interval slot the clock is
/// in, so one job per store and slot is queued however many instances ask, and a store whose previous job of the flow
/// still waits (pending, retrying, parked) gets no new one.
/// </summary>
public static class PeriodicStoreJobs
{
    /// <summary>The slot <paramref name="now"/> is in, for the identity key.</summary>
    public static string Slot(TimeSpan interval, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"every-{interval.Ticks}-{now.UtcTicks / interval.Ticks}");

    /// <summary>Enqueues the job of each store due; <paramref name="request"/> gets the store's id and name. Returns how many were new.</summary>
    public static async Task<int> EnqueueAsync(
        PortalDbContextActivator activator, JobStore jobs, PeriodicStoreJob schedule, Func<Guid, string, JobRequest> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activator);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(request);
        List<(Guid Id, Guid TenantId, string Name)> due;
        await using (var db = activator.Create(NoTenant.Instance))
        {
            var waitingJobs = db.Jobs.IgnoreQueryFilters().Where(j => j.Flow == schedule.Flow && j.ActiveIdentityKey != null);
            if (!schedule.RunningWaits)
            {
                waitingJobs = waitingJobs.Where(j => j.State == JobState.Pending);
            }

            var waiting = waitingJobs.Select(j => j.StoreId);
            var stores = db.Stores.IgnoreQueryFilters().Where(s => s.Enabled && s.RemovedAt == null && !waiting.Contains(s.Id)).Where(schedule.TakesPart);
            if (schedule.NeedsOdoo)
            {
                var connected = db.OdooConnections.IgnoreQueryFilters().Where(c => c.ProtectedApiKey != null).Select(c => c.TenantId);
                stores = stores.Where(s => connected.Contains(s.TenantId));
            }

            if (schedule.TenantId is { } tenantId)
            {
                stores = stores.Where(s => s.TenantId == tenantId);
            }

            due = (await stores.Select(s => new { s.Id, s.TenantId, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.TenantId, s.Name)).ToList();
        }

        var created = 0;
        foreach (var (id, tenantId, name) in due)
        {
            created += (await jobs.EnqueueAsync(tenantId, request(id, name), cancellationToken)).Outcome == EnqueueOutcome.Created ? 1 : 0;
        }

        return created;
    }
}
