using System.Globalization;

namespace Portal.Sync.Jobs;

/// <summary>
/// Periodic per-store jobs that every instance enqueues: the identity key names the interval slot the clock is in,
/// so one job per store and slot is queued however many instances ask.
/// </summary>
public static class IntervalSlots
{
    public static string Of(TimeSpan interval, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"every-{interval.Ticks}-{now.UtcTicks / interval.Ticks}");

    /// <summary>Enqueues each store's job of the slot; returns how many were new.</summary>
    public static async Task<int> EnqueueEachAsync(
        JobStore jobs, IEnumerable<(Guid Id, Guid TenantId, string Name)> stores, Func<Guid, string, JobRequest> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(request);
        var created = 0;
        foreach (var (id, tenantId, name) in stores)
        {
            created += (await jobs.EnqueueAsync(tenantId, request(id, name), cancellationToken)).Outcome == EnqueueOutcome.Created ? 1 : 0;
        }

        return created;
    }
}
