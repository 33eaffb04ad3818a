using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Sync.Jobs;

/// <summary>
/// Deletes succeeded jobs (and their history) older than the retention, in batches so the table is never
/// locked for long. Failed, parked and ignored jobs are kept: they never expire silently.
/// </summary>
public sealed class JobHousekeeping(PortalDbContextActivator activator, TimeProvider clock, IOptions<JobEngineOptions> options)
{
    public async Task<int> PurgeSucceededAsync(CancellationToken cancellationToken = default)
    {
        var engine = options.Value;
        var cutoff = clock.GetUtcNow() - engine.Retention;
        var purged = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var db = activator.Create(NoTenant.Instance);
            var batch = await db.Jobs.IgnoreQueryFilters()
                .Where(j => j.State == JobState.Succeeded && j.UpdatedAt < cutoff)
                .OrderBy(j => j.UpdatedAt)
                .Take(engine.PurgeBatchSize)
                .Select(j => j.Id)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await db.JobStateChanges.IgnoreQueryFilters().Where(c => batch.Contains(c.JobId)).ExecuteDeleteAsync(cancellationToken);
            purged += await db.Jobs.IgnoreQueryFilters().Where(j => batch.Contains(j.Id) && j.State == JobState.Succeeded).ExecuteDeleteAsync(cancellationToken);
        }

        return purged;
    }
}
