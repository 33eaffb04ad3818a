using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Sync.Flows.Products;

/// <summary>What the jobs about one Odoo template (its export, its image) start from.</summary>
internal static class TemplateJobs
{
    public static JsonObject Payload(long templateId) => new() { ["templateId"] = templateId };

    public static long TemplateId(ClaimedJob job) =>
        JsonNode.Parse(job.Payload)?["templateId"]?.GetValue<long>() ?? throw new InvalidOperationException("The job's payload names no template.");

    /// <summary>The job's store while it is connected and its products go from Odoo to the store; otherwise null, and the job has nothing to do.</summary>
    public static async Task<Store?> OdooToStoreAsync(PortalDbContext db, ClaimedJob job, CancellationToken cancellationToken) =>
        await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == job.StoreId && s.RemovedAt == null, cancellationToken) is { ProductDirection: ProductDirection.OdooToStore } store
            ? store
            : null;
}
