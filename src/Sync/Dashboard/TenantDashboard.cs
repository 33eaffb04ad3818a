using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Stores;
using Portal.Sync.Tenancy;

namespace Portal.Sync.Dashboard;

/// <summary>
/// The active tenant's dashboard figures, read from the job rows and their history: an order counts as imported
/// in a period when one of its orders.sync jobs succeeded in it (once, however many versions it had).
/// </summary>
public sealed class TenantDashboard(IDbContextFactory<PortalDbContext> dbFactory, TenantContext tenant, JobInspector inspector, TimeProvider clock)
{
    public const int ChartHours = 24;

    public async Task<DashboardFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        tenant.Demand(TenantPermission.View);
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var firstHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero).AddHours(1 - ChartHours);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var importedOrders = db.JobStateChanges.Where(c => c.To == JobState.Succeeded)
            .Join(db.Jobs.Where(j => j.Flow == StoreChangeJobs.OrdersFlow), c => c.JobId, j => j.Id, (c, j) => new { c.At, j.SubjectKey });
        var ordersToday = await importedOrders.Where(o => o.At >= today).Select(o => o.SubjectKey).Distinct().CountAsync(cancellationToken);
        var ordersWeek = await importedOrders.Where(o => o.At >= now.AddDays(-7)).Select(o => o.SubjectKey).Distinct().CountAsync(cancellationToken);

        var waiting = db.Jobs.Where(j => j.State == JobState.Pending || j.State == JobState.Running);
        var backlog = await waiting.CountAsync(cancellationToken);
        var oldestWaiting = backlog == 0 ? (DateTimeOffset?)null : await waiting.MinAsync(j => j.CreatedAt, cancellationToken);

        var lastSucceeded = await db.Jobs.Where(j => j.StoreId != null && j.State == JobState.Succeeded)
            .GroupBy(j => j.StoreId!.Value)
            .Select(g => new { StoreId = g.Key, At = g.Max(j => j.UpdatedAt) })
            .ToDictionaryAsync(g => g.StoreId, g => g.At, cancellationToken);
        var stores = (await db.Stores.AsNoTracking().Where(s => s.RemovedAt == null).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .Select(s => new StoreLastSync(s.Id, s.Name, lastSucceeded.TryGetValue(s.Id, out var at) ? at : null))
            .ToList();

        // Outcomes, not jobs: a job retried into success counts in both columns, as it did both in that hour.
        var outcomes = await db.JobStateChanges
            .Where(c => c.At >= firstHour && (c.To == JobState.Succeeded || c.To == JobState.Failed || c.To == JobState.NeedsAttention))
            .Select(c => new { c.At, c.To })
            .ToListAsync(cancellationToken);
        var succeeded = new int[ChartHours];
        var failed = new int[ChartHours];
        foreach (var outcome in outcomes)
        {
            var hour = (int)((outcome.At - firstHour).Ticks / TimeSpan.TicksPerHour);
            if (hour is >= 0 and < ChartHours)
            {
                (outcome.To == JobState.Succeeded ? succeeded : failed)[hour]++;
            }
        }

        var perHour = Enumerable.Range(0, ChartHours).Select(i => new JobsInHour(firstHour.AddHours(i), succeeded[i], failed[i])).ToList();

        return new DashboardFigures(ordersToday, ordersWeek, await inspector.FailureGroupsAsync(cancellationToken), backlog, oldestWaiting, stores, perHour);
    }
}
