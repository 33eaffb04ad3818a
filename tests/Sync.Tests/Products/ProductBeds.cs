using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;
using Portal.Sync.Tenancy;
using Portal.Sync.Tests.Flows;

namespace Portal.Sync.Tests.Products;

/// <summary>What the product tests do to a <see cref="FlowTestBed"/>'s portal database and job queue.</summary>
internal static class ProductBeds
{
    public static async Task WriteAsync(FlowTestBed bed, Func<PortalDbContext, Task> write)
    {
        await using var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(TenantContext.SystemFor(bed.TenantId));
        await write(db);
        await db.SaveChangesAsync();
    }

    public static async Task<T> ReadAsync<T>(FlowTestBed bed, Func<PortalDbContext, Task<T>> read)
    {
        await using var db = bed.Host.Services.GetRequiredService<PortalDbContextActivator>().Create(NoTenant.Instance);
        return await read(db);
    }

    /// <summary>Queues the job, runs it with whatever follows, and returns it as it ended.</summary>
    public static async Task<Job> RunAsync(FlowTestBed bed, JobRequest request)
    {
        var result = await bed.Host.Services.GetRequiredService<JobStore>().EnqueueAsync(bed.TenantId, request);
        await bed.RunJobsAsync();
        return await bed.JobAsync(result.JobId);
    }
}
